package dev.ccauth.sample;

/** Output of {@code users} and {@code agents}. */
enum ListFormat {

	/** Aligned columns for people. */
	table,

	/** A JSON array, streamed: one element per line, written as each page arrives. */
	json,

	/**
	 * One JSON object per line and nothing else, for {@code jq} and line tools to stream.
	 */
	ndjson,

	/**
	 * RFC 4180 CSV with a header row, lines ending in LF, formula-like cells neutralised.
	 */
	csv

}
