"""What more than one module of onestop uses (database helpers, request guards); planning,
procedures and resources import from here, never each other's insides."""
