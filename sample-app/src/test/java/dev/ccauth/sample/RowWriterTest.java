package dev.ccauth.sample;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.ccauth.sample.RowWriter.Column;
import dev.ccauth.sample.RowWriter.Field;

import static org.assertj.core.api.Assertions.assertThat;

class RowWriterTest {

	record Person(String name, String email) {
	}

	static final List<Field<Person>> FIELDS = List.of(new Field<>("name", Person::name),
			new Field<>("email", Person::email));

	static final List<Column<Person>> COLUMNS = List.of(new Column<>("NAME", 10, Person::name),
			new Column<>("EMAIL", 0, Person::email));

	@Test
	void csvQuotesWhatNeedsQuotingAndDoublesQuotes() {
		String csv = write(ListFormat.csv, new Person("Lovelace, Ada", "ada@example.org"),
				new Person("The \"Countess\"", null), new Person("two\nlines", " padded "));
		assertThat(csv).isEqualTo("name,email\n\"Lovelace, Ada\",ada@example.org\n\"The \"\"Countess\"\"\",\n"
				+ "\"two\nlines\", padded \n"); // RFC 4180: spaces are part of a field,
												// quoted or not
	}

	@Test
	void csvNeutralisesCellsASpreadsheetWouldRunAsFormulas() {
		String csv = write(ListFormat.csv, new Person("=HYPERLINK(\"http://x.example\",\"ok\")", "@SUM(A1)"),
				new Person("+cmd|' /C calc'!A0", "-2+3"), new Person("Ada = Countess", "ada@example.org"));
		assertThat(csv.lines()).containsExactly("name,email",
				"\"'=HYPERLINK(\"\"http://x.example\"\",\"\"ok\"\")\",'@SUM(A1)", "'+cmd|' /C calc'!A0,'-2+3",
				"Ada = Countess,ada@example.org");
	}

	@Test
	void csvOfNothingIsTheHeader() {
		assertThat(write(ListFormat.csv)).isEqualTo("name,email\n");
	}

	@Test
	void ndjsonIsOneObjectPerLineAndNothingElse() {
		String ndjson = write(ListFormat.ndjson, new Person("Ada", "ada@example.org"),
				new Person("Alan \"T\"\n", null));
		assertThat(ndjson).isEqualTo("{\"name\":\"Ada\",\"email\":\"ada@example.org\"}\n"
				+ "{\"name\":\"Alan \\\"T\\\"\\n\",\"email\":null}\n");
		for (String line : ndjson.lines().toList()) {
			assertThat(JsonMapper.shared().readTree(line).isObject()).isTrue();
		}
		assertThat(write(ListFormat.ndjson)).isEmpty();
	}

	@Test
	void jsonIsOneArrayWithOneElementPerLine() {
		String json = write(ListFormat.json, new Person("Ada", "ada@example.org"), new Person("Alan \"T\"", null));
		assertThat(json.lines()).hasSize(4).startsWith("[").endsWith("]");
		JsonNode array = JsonMapper.shared().readTree(json);
		assertThat(array.size()).isEqualTo(2);
		assertThat(array.get(1).get("name").asString()).isEqualTo("Alan \"T\"");
		assertThat(array.get(1).get("email").isNull()).isTrue();
		assertThat(write(ListFormat.json)).isEqualTo("[]\n");
	}

	@Test
	void tableAlignsColumnsAndKeepsOneRowPerLine() {
		String table = write(ListFormat.table, new Person("Ada", "ada@example.org"),
				new Person("A name longer than ten", "x@example.org"), new Person("new\nline", "y@example.org"));
		assertThat(table)
			.isEqualTo("NAME        EMAIL\nAda         ada@example.org\nA name longer than ten  x@example.org\n"
					+ "new line    y@example.org\n");
	}

	private static String write(ListFormat format, Person... people) {
		StringWriter text = new StringWriter();
		RowWriter<Person> writer = RowWriter.of(format, new PrintWriter(text), FIELDS, COLUMNS);
		writer.begin();
		for (Person person : people) {
			writer.row(person);
		}
		writer.end();
		writer.flush();
		return text.toString();
	}

}
