"""Realtime: events from writes to the open pages of the colleagues who may see them."""
