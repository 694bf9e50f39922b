package dev.ccauth.sample;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.util.MinimalPrettyPrinter;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

/**
 * Writes a listing row by row, as the pages arrive: nothing is held beyond the current
 * page, so memory stays flat however large the directory. JSON and CSV go through
 * Jackson's {@link SequenceWriter}, which quotes and escapes; the mapper of the chosen
 * format is the only one made.
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
			case json -> new Json<>(out, fields, true);
			case ndjson -> new Json<>(out, fields, false);
			case csv -> new Csv<>(out, fields);
		};
	}

	/** Writes the header, if the format has one. */
	abstract void begin();

	final void row(T item) {
		write(item);
		this.rows++;
	}

	protected abstract void write(T item);

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

	/** The item's fields by name, in order: one JSON object or one CSV row. */
	static <T> Map<String, Object> values(List<Field<T>> fields, T item, Function<Object, Object> cell) {
		Map<String, Object> values = new LinkedHashMap<>();
		fields.forEach((field) -> values.put(field.name(), cell.apply(field.value().apply(item))));
		return values;
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
		protected void write(T item) {
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

	/**
	 * Jackson's writer and the sequence it writes; the subclasses say how rows are laid
	 * out.
	 */
	abstract static class Sequence<T> extends RowWriter<T> {

		private SequenceWriter sequence;

		Sequence(PrintWriter out) {
			super(out);
		}

		/** Opens the sequence on stdout, which stays open when the sequence closes. */
		abstract SequenceWriter open(PrintWriter out);

		/** What is written for the item. */
		abstract Object value(T item);

		@Override
		void begin() {
			this.sequence = open(this.out);
		}

		@Override
		protected void write(T item) {
			this.sequence.write(value(item));
		}

		@Override
		void end() {
			this.sequence.close();
		}

		@Override
		void flush() {
			this.sequence.flush();
			super.flush();
		}

		static ObjectWriter keepOpen(ObjectWriter writer) {
			return writer.without(StreamWriteFeature.AUTO_CLOSE_TARGET);
		}

	}

	/** A streamed JSON array with one element per line, or newline-delimited JSON. */
	static final class Json<T> extends Sequence<T> {

		private final List<Field<T>> fields;

		private final boolean array;

		Json(PrintWriter out, List<Field<T>> fields, boolean array) {
			super(out);
			this.fields = fields;
			this.array = array;
		}

		@Override
		SequenceWriter open(PrintWriter out) {
			ObjectWriter writer = keepOpen(JsonMapper.shared().writer());
			return this.array ? writer.with(new OneElementPerLine()).writeValuesAsArray(out)
					: writer.withRootValueSeparator("\n").writeValues(out);
		}

		@Override
		Object value(T item) {
			return values(this.fields, item, Function.identity());
		}

		@Override
		void end() {
			super.end();
			if (this.array || rows() > 0) {
				this.out.print('\n'); // the last line ends like every other
			}
		}

	}

	/**
	 * The array's elements one per line, each compact: {@code [}, then {@code {...},} per
	 * line, then {@code ]}, so that line tools and people can read the stream as it
	 * comes.
	 */
	static final class OneElementPerLine extends MinimalPrettyPrinter {

		@Override
		public void beforeArrayValues(JsonGenerator generator) {
			generator.writeRaw('\n');
		}

		@Override
		public void writeArrayValueSeparator(JsonGenerator generator) {
			generator.writeRaw(",\n");
		}

		@Override
		public void writeEndArray(JsonGenerator generator, int values) {
			generator.writeRaw((values > 0) ? "\n]" : "]");
		}

	}

	/** CSV with a header row; Jackson quotes what needs quoting (RFC 4180). */
	static final class Csv<T> extends Sequence<T> {

		/**
		 * What spreadsheets read as the start of a formula (OWASP's list: the issue's
		 * four, tab and CR).
		 */
		private static final String FORMULA_STARTS = "=+-@\t\r";

		private final List<Field<T>> fields;

		Csv(PrintWriter out, List<Field<T>> fields) {
			super(out);
			this.fields = fields;
		}

		@Override
		SequenceWriter open(PrintWriter out) {
			CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\n");
			this.fields.forEach((field) -> schema.addColumn(field.name()));
			// strict: quotes only what RFC 4180 needs quoted (separator, quote, line
			// breaks), not every '@' or '-'
			CsvMapper csv = CsvMapper.builder().enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING).build();
			return keepOpen(csv.writer(schema.build())).writeValues(out);
		}

		@Override
		Object value(T item) {
			return values(this.fields, item, Csv::neutralise);
		}

		/**
		 * A text cell that a spreadsheet would run as a formula ({@code =HYPERLINK(...)},
		 * {@code +cmd|...}, {@code @SUM(...)}) gets a leading apostrophe, which
		 * spreadsheets show as text. Numbers and booleans are written as they are.
		 */
		static Object neutralise(Object value) {
			if (value instanceof String text && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
				return "'" + text;
			}
			return value;
		}

	}

}
