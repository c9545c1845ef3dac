"""What an article is about: its topic, summary, gist and keywords."""
