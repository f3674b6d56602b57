"""scoring layer of ai-impact (see docs/architecture.md)."""
