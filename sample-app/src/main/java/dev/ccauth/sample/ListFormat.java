package dev.ccauth.sample;

/** Output of {@code users} and {@code agents}. */
enum ListFormat {

	/** Aligned columns for people. */
	table,

	/** A JSON array, streamed: one element per line, written as each page arrives. */
	json,

	/** RFC 4180 CSV with a header row (fields quoted when needed, lines ending in LF). */
	csv

}
