"""Settings for child processes that must behave like production (DEBUG off) without
collected static files: the development settings with DEBUG turned off."""

from config.settings.dev import *  # noqa: F403

DEBUG = False
