package dev.ccauth.sample;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a listing row by row, as the pages arrive: nothing is held beyond the current page, so
 * memory stays flat however large the directory.
 *
 * @param <T> the listed item
 */
abstract class RowWriter<T> {

	/** A field of the JSON and CSV output. */
	record Field<T>(String name, Function<T, Object> value) {
	}

	/** A column of the table output. */
	record Column<T>(String header, int width, Function<T, Object> value) {
	}

	protected final PrintWriter out;

	private int rows;

	RowWriter(PrintWriter out) {
		this.out = out;
	}

	static <T> RowWriter<T> of(ListFormat format, PrintWriter out, List<Field<T>> fields, List<Column<T>> columns) {
		return switch (format) {
			case table -> new Table<>(out, columns);
			case json -> new Json<>(out, fields);
			case csv -> new Csv<>(out, fields);
		};
	}

	/** Writes the header, if the format has one. */
	abstract void begin();

	final void row(T item) {
		write(item, this.rows++);
	}

	protected abstract void write(T item, int index);

	/** Ends the listing (closes the JSON array). */
	void end() {
	}

	/** Hands what was written to stdout now. */
	void flush() {
		this.out.flush();
		if (this.out.checkError()) {
			throw new ToolException(ExitCode.FAILURE, "cannot write to standard output; stopped.");
		}
	}

	int rows() {
		return this.rows;
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : "";
	}

	static final class Table<T> extends RowWriter<T> {

		private final List<Column<T>> columns;

		Table(PrintWriter out, List<Column<T>> columns) {
			super(out);
			this.columns = columns;
		}

		@Override
		void begin() {
			line(this.columns.stream().map(Column::header).toList());
		}

		@Override
		protected void write(T item, int index) {
			line(this.columns.stream().map((column) -> text(column.value().apply(item))).toList());
		}

		private void line(List<String> cells) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < cells.size(); i++) {
				String cell = cells.get(i).replaceAll("[\\r\\n\\t]", " ");
				line.append(cell);
				if (i < cells.size() - 1) {
					line.append(" ".repeat(Math.max(2, this.columns.get(i).width() - cell.length() + 2)));
				}
			}
			this.out.print(line.toString().stripTrailing());
			this.out.print('\n');
		}

	}

	static final class Json<T> extends RowWriter<T> {

		private final List<Field<T>> fields;

		Json(PrintWriter out, List<Field<T>> fields) {
			super(out);
			this.fields = fields;
		}

		@Override
		void begin() {
			this.out.print('[');
		}

		@Override
		protected void write(T item, int index) {
			Map<String, Object> object = new LinkedHashMap<>();
			this.fields.forEach((field) -> object.put(field.name(), field.value().apply(item)));
			this.out.print((index == 0) ? "\n" : ",\n");
			this.out.print(JsonMapper.shared().writeValueAsString(object));
		}

		@Override
		void end() {
			this.out.print((rows() == 0) ? "]\n" : "\n]\n");
		}

	}

	static final class Csv<T> extends RowWriter<T> {

		private final List<Field<T>> fields;

		Csv(PrintWriter out, List<Field<T>> fields) {
			super(out);
			this.fields = fields;
		}

		@Override
		void begin() {
			line(this.fields.stream().map(Field::name).toList());
		}

		@Override
		protected void write(T item, int index) {
			line(this.fields.stream().map((field) -> text(field.value().apply(item))).toList());
		}

		private void line(List<String> values) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < values.size(); i++) {
				if (i > 0) {
					line.append(',');
				}
				line.append(quote(values.get(i)));
			}
			this.out.print(line.append('\n'));
		}

		/** RFC 4180: a field with a comma, quote, CR or LF (or edge spaces) is quoted, its quotes doubled. */
		static String quote(String value) {
			boolean needsQuotes = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
					|| value.indexOf('\r') >= 0 || (!value.isEmpty() && (value.charAt(0) == ' '
							|| value.charAt(value.length() - 1) == ' '));
			return needsQuotes ? '"' + value.replace("\"", "\"\"") + '"' : value;
		}

	}

}
