"""export layer of ai-impact (see docs/architecture.md)."""
