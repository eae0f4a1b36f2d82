# placeholder, replaced by the CLI/CI work
