"""web layer of ai-impact (see docs/architecture.md)."""
