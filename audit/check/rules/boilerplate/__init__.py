"""Boilerplate left in article bodies: calls to action, photo credits, repeated titles, copyright debris."""
