// Node-only entry: reading files from disk. Owned by the readers area.
