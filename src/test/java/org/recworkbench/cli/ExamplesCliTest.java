package org.recworkbench.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code examples}: the seed articles' worked examples, printed vs computed. */
class ExamplesCliTest {

    @Test
    void jsonListsNineteenExamplesWithTheRequiredFieldsAndTally() {
        CliRun r = CliRun.of("examples", "--json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonArray examples = r.json().getAsJsonArray("examples");
        assertThat(examples).hasSize(19);
        for (var element : examples) {
            assertThat(element.getAsJsonObject().keySet()).contains("id", "article", "formula", "inputs", "printed",
                    "computed", "agrees", "note");
        }
        long disagreeing = StreamSupport.stream(examples.spliterator(), false)
                .filter(e -> !e.getAsJsonObject().get("agrees").getAsBoolean()).count();
        assertThat(disagreeing).isEqualTo(16);
        JsonObject tally = r.json().getAsJsonObject("tally");
        assertThat(tally.get("printFinalValue").getAsInt()).isEqualTo(14);
        assertThat(tally.get("wrongFinalValue").getAsInt()).isEqualTo(12);
        assertThat(tally.get("withSlip").getAsInt()).isEqualTo(16);
        JsonObject cosine = examples.get(0).getAsJsonObject();
        assertThat(cosine.get("id").getAsString()).isEqualTo("000-cosine-1");
        assertThat(cosine.get("article").getAsString()).isEqualTo("000");
        assertThat(cosine.get("formula").getAsString()).isEqualTo("cosine");
        assertThat(cosine.getAsJsonObject("inputs").getAsJsonArray("x")).hasSize(4);
        assertThat(cosine.get("printed").getAsDouble()).isEqualTo(0.75);
        assertThat(cosine.get("computed").getAsDouble()).isCloseTo(0.43 / Math.sqrt(0.46 * 0.42), within(1e-12));
        assertThat(cosine.get("agrees").getAsBoolean()).isFalse();
    }

    @Test
    void jsonPrintedIsNullWhenTheArticlePrintedNoResult() {
        JsonArray examples = CliRun.of("examples", "--json").json().getAsJsonArray("examples");
        JsonObject objective = StreamSupport.stream(examples.spliterator(), false).map(e -> e.getAsJsonObject())
                .filter(e -> e.get("id").getAsString().equals("003-mf-objective-1")).findFirst().orElseThrow();
        assertThat(objective.get("printed").isJsonNull()).isTrue();
        assertThat(objective.getAsJsonArray("checks")).hasSize(3);
    }

    @Test
    void textListsEveryExampleWithPrintedComputedMarkAndNote() {
        CliRun r = CliRun.of("examples");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("✗ 000-cosine-1", "printed ≈0.75, computed 0.97828 (wrong)",
                        "not ≈0.75 (the printed value does not follow from the written expression)")
                .contains("✓ 000-tfidf-1")
                .contains("△ 003-pearson-1", "printed 1, computed 1 (right)", "wrong steps: meanX printed 0.28")
                .contains("△ 001-similarity-1", "the gallery's own evaluation of it: r11·r13/(r11²+r13²)")
                .contains("14 examples print a final value and 12 of those are wrong; 16 of 19 contain some slip.");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void idShowsTheDerivationAndEachPrintedNumber() {
        CliRun r = CliRun.of("examples", "--id", "003-mse-1");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("003-mse-1 (article 003", "Mean squared error", "= (0.86)/(5) = 0.172",
                "✗ squaredErrors[1]", "printed 0.09", "Wrong final value: (2−1.9)² = 0.01, not 0.09");
    }

    @Test
    void jsonWithIdCarriesTheSteps() {
        JsonObject one = CliRun.of("examples", "--id", "000-user-cf-prediction-1", "--json").json()
                .getAsJsonArray("examples").get(0).getAsJsonObject();
        JsonArray steps = one.getAsJsonArray("steps");
        assertThat(steps.get(steps.size() - 1).getAsJsonObject().get("value").getAsDouble()).isEqualTo(5.0);
        assertThat(one.getAsJsonObject("values").get("normalisedPrediction").getAsDouble())
                .isCloseTo(4.6, within(1e-12));
    }

    @Test
    void unknownIdExitsWithTwoAndOneLine() {
        CliRun r = CliRun.of("examples", "--id", "nope");

        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).startsWith("error: Unknown example \"nope\"; known: 000-cosine-1")
                .doesNotContain("\n");
    }
}
