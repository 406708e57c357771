"""Spam author bios: the template "Proud organizer. Alcohol ninja. Food nerd." bios of fake authors."""
