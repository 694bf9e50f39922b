package dev.ccauth.sample;

import java.util.List;

import dev.ccauth.sample.RowWriter.Column;
import dev.ccauth.sample.RowWriter.Field;

/**
 * One run of a listing command: rows written page by page as they arrive, up to
 * {@code --limit}, a progress line between pages, and the note on stderr when more exist
 * than were listed.
 *
 * @param <T> the listed item
 */
final class Listing<T> {

	private final ListOptions options;

	private final Session session;

	private final RowWriter<T> rows;

	private final Progress progress;

	private int pages;

	/** Whether a page had more items than the limit let through. */
	private boolean cut;

	Listing(ListOptions options, Session session, List<Field<T>> fields, List<Column<T>> columns) {
		this.options = options;
		this.session = session;
		this.rows = RowWriter.of(options.format, session.out(), fields, columns);
		this.progress = options.progress(session);
	}

	/**
	 * Writes a page as it arrived, as far as the limit allows; returns how many of its
	 * items were written.
	 */
	int page(List<T> items) {
		if (this.pages++ == 0) {
			this.rows.begin(); // once the first page is in: a refused call leaves stdout
								// empty
		}
		this.progress.clear();
		List<T> taken = items.subList(0, Math.min(items.size(), remaining()));
		taken.forEach(this.rows::row);
		this.rows.flush();
		this.cut |= taken.size() < items.size();
		return taken.size();
	}

	/** Whether another page is to be read, given that the platform has one. */
	boolean wantsMore(boolean platformHasMore) {
		return platformHasMore && this.options.pages() && remaining() > 0;
	}

	/** Items still to list: {@code --limit} minus those listed, else unbounded. */
	int remaining() {
		return (this.options.limit != null) ? this.options.limit - this.rows.rows() : Integer.MAX_VALUE;
	}

	void progress(String text) {
		this.progress.show(text);
	}

	/**
	 * Ends the listing; when the platform has more than was listed and no {@code --all}
	 * was given, says so on stderr.
	 * @param total what the platform reports in all, or {@code null}
	 */
	void end(boolean platformHasMore, String noun, Object total) {
		this.progress.clear();
		this.rows.end();
		this.rows.flush();
		if ((platformHasMore || this.cut) && !this.options.all && this.rows.rows() > 0) {
			this.session.err()
				.println("ccauth: " + this.rows.rows() + ((total != null) ? " of " + total : "") + " " + noun
						+ " shown; --all lists every page.");
		}
	}

	int rows() {
		return this.rows.rows();
	}

	int pages() {
		return this.pages;
	}

}
