package dev.moviedb.taste.adapter.in.rest;

/** The body of every error answer: what went wrong, in words a person can act on. */
public record ErrorResponse(int status, String error) {}
