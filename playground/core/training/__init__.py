"""Training: the trainer, its settings, events, metrics, schedules, runs, sweeps, experiments, devices."""
