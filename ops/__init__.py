"""The setup driver behind ./onestop: installs what is missing, builds the bench, creates the
sites and serves them on the production stack (bench's own supervisor and nginx configs)."""
