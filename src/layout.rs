//! Layout: wraps aligned units by display width into one row-aligned sequence of rows for both panes.
