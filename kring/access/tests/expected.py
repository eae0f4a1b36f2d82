"""The expected answers of the permission matrix, written out by hand.

The rules in words: open groups and their content are for every employee and their
members; a closed group is listed for every employee but its content is for members
only; a secret group and its content are for members only; the company space is for
employees, never guests; the anonymous visitor gets nothing. A site admin who is not a
member is an ordinary employee here (no backdoor into closed or secret content).
"""

ALL_GROUPS = {"open", "closed", "secret"}
ALL_SPACES = {"open", "closed", "secret", "company"}

# Which groups exist for the viewer (listed, group page reachable).
GROUP_VISIBLE: dict[str, set[str]] = {
    "anonymous": set(),
    "guest": set(),
    "guest_member": {"open", "closed"},
    "outsider": {"open", "closed"},
    "member": ALL_GROUPS,
    "group_admin": ALL_GROUPS,
    "site_admin": {"open", "closed"},
}

# Whose posts and replies the viewer may read, per space.
CONTENT_READABLE: dict[str, set[str]] = {
    "anonymous": set(),
    "guest": set(),
    "guest_member": {"open", "closed"},
    "outsider": {"open", "company"},
    "member": ALL_SPACES,
    "group_admin": ALL_SPACES,
    "site_admin": {"open", "company"},
}

# Employees see every active colleague's profile; guests see themselves and fellow members.
PROFILE_OF_MEMBER_VISIBLE: dict[str, bool] = {
    "anonymous": False,
    "guest": False,
    "guest_member": True,
    "outsider": True,
    "member": True,
    "group_admin": True,
    "site_admin": True,
}


def sees_group(viewer: str, space: str) -> bool:
    return space in GROUP_VISIBLE[viewer]


def reads(viewer: str, space: str) -> bool:
    return space in CONTENT_READABLE[viewer]


# Where the viewer may write a post (replies: wherever they may read, in this organisation).
CAN_POST: dict[str, set[str]] = {
    "anonymous": set(),
    "guest": set(),
    "guest_member": {"open", "closed"},
    "outsider": {"company"},
    "member": ALL_SPACES,
    "group_admin": ALL_SPACES,
    "site_admin": {"company"},
}


# Announcements (issue 4). Without leaders only group admins announce, in their groups;
# a leader announces wherever they may post (CAN_POST), and a guest cannot be a leader.
CAN_ANNOUNCE: dict[str, set[str]] = {
    "anonymous": set(),
    "guest": set(),
    "guest_member": set(),
    "outsider": set(),
    "member": set(),
    "group_admin": ALL_GROUPS,
    "site_admin": set(),
}

# Whose groups the viewer is a member of: home pins announcements of these (and of the
# company space, where the viewer may read it).
MEMBER_OF: dict[str, set[str]] = {
    "anonymous": set(),
    "guest": set(),
    "guest_member": {"open", "closed"},
    "outsider": set(),
    "member": ALL_GROUPS,
    "group_admin": ALL_GROUPS,
    "site_admin": set(),
}

# Who may see who read the group admin's announcement in each space: its author, and a
# site admin where they moderate (spaces they may read).
READS_VISIBLE: dict[str, set[str]] = {
    "anonymous": set(),
    "guest": set(),
    "guest_member": set(),
    "outsider": set(),
    "member": set(),
    "group_admin": ALL_SPACES,
    "site_admin": {"open", "company"},
}


# Questions (issue 5): who may mark the accepted answer of the question in each space. The
# matrix's questions are asked by group_admin; a site admin moderates what they may read.
CAN_ACCEPT: dict[str, set[str]] = {
    "anonymous": set(),
    "guest": set(),
    "guest_member": set(),
    "outsider": set(),
    "member": set(),
    "group_admin": ALL_SPACES,
    "site_admin": {"open", "company"},
}


# The knowledge base (issue 5): pages are read like posts (CONTENT_READABLE) and written
# where one may post (CAN_POST); folders are arranged by who moderates the space: group
# admins in their groups, a site admin in the spaces they read.
CAN_MANAGE_FOLDERS: dict[str, set[str]] = {
    "anonymous": set(),
    "guest": set(),
    "guest_member": set(),
    "outsider": set(),
    "member": set(),
    "group_admin": ALL_GROUPS,
    "site_admin": {"open", "company"},
}


# File libraries (issue 5): who may rename, move or delete the group admin's files and
# folders in each space: who added them (group_admin) and a site admin where they moderate.
CAN_MANAGE_FILES: dict[str, set[str]] = {
    "anonymous": set(),
    "guest": set(),
    "guest_member": set(),
    "outsider": set(),
    "member": set(),
    "group_admin": ALL_SPACES,
    "site_admin": {"open", "company"},
}
