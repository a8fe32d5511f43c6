package org.recworkbench.exercise;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.export.AtomicFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExerciseSheetTest {

    @TempDir
    Path folder;

    private static ExerciseSheet sheet(long seed) {
        return ExerciseSheet.generate(15, List.of(ExerciseKind.values()), Difficulty.EASY, seed, null);
    }

    private byte[] written(String name, String content) throws Exception {
        Path file = folder.resolve(name);
        AtomicFile.write(file, w -> w.write(content));
        return Files.readAllBytes(file);
    }

    @Test
    void theSameSeedGivesByteIdenticalFilesAndAnotherSeedDifferentOnes() throws Exception {
        byte[] html1 = written("a.html", SheetFormats.html(sheet(5)));
        byte[] html2 = written("b.html", SheetFormats.html(sheet(5)));
        byte[] csv1 = written("a.csv", SheetFormats.answersCsv(sheet(5)));
        byte[] csv2 = written("b.csv", SheetFormats.answersCsv(sheet(5)));
        assertThat(html2).isEqualTo(html1);
        assertThat(csv2).isEqualTo(csv1);
        assertThat(written("c.html", SheetFormats.html(sheet(6)))).isNotEqualTo(html1);
        assertThat(written("c.csv", SheetFormats.answersCsv(sheet(6)))).isNotEqualTo(csv1);
    }

    @Test
    void theSheetTakesTheKindsInTurnAndEachExerciseCanBeRepeatedFromItsSeed() {
        ExerciseSheet s = sheet(5);
        assertThat(s.exercises()).hasSize(15);
        assertThat(s.exercises().get(0).kind()).isEqualTo(ExerciseKind.COSINE);
        assertThat(s.exercises().get(ExerciseKind.values().length).kind()).isEqualTo(ExerciseKind.COSINE);
        Exercise third = s.exercises().get(2);
        Exercise again = ExerciseGenerator.generate(third.kind(), Difficulty.EASY, third.seed(), null);
        assertThat(again.steps()).isEqualTo(third.steps());
    }

    @Test
    void htmlIsPrintableWithTablesBlankAnswerLinesAndAPageBreakPerExercise() {
        String html = SheetFormats.html(sheet(5));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<table>", "class=\"answer\"",
                "page-break-after: always", "@media print", "<code>");
        assertThat(html.split("<section class=\"exercise\">", -1)).hasSize(16);
        // the sheet never prints an answer: the last step's value of the first exercise is not on it
        String value = org.recworkbench.explain.Latex.num(sheet(5).exercises().get(0).result());
        assertThat(html).doesNotContain("= " + value);
    }

    @Test
    void answersCsvHasOneRowPerStep() {
        ExerciseSheet s = sheet(5);
        String csv = SheetFormats.answersCsv(s);
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo(SheetFormats.CSV_HEADER);
        long steps = s.exercises().stream().mapToLong(e -> e.steps().size()).sum();
        assertThat(lines).hasSize((int) steps + 1);
        assertThat(lines[1]).startsWith("5,1,cosine,easy," + s.exercises().get(0).seed() + ",1,");
    }
}
