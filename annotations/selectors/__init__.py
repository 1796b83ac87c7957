"""Reads, a module per subject: ``projects``, ``sets`` (and ``set_contents``, their spans,
relations, stances and answers as JSON), ``documents`` and ``export``. Views call these and
never query models themselves; hot paths run a fixed number of statements whatever the
number of spans."""
