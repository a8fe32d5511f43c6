package org.recworkbench.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.CancelledException;
import org.recworkbench.job.Progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyntheticGeneratorTest {

    @TempDir
    Path folder;

    private Path write(String name, SyntheticSpec spec) {
        Path dir = folder.resolve(name);
        SyntheticDatasetFiles.write(spec, dir, Progress.NONE, Cancellation.NEVER);
        return dir;
    }

    @Test
    void theSameSeedGivesTheSameBytes() throws IOException {
        Path a = write("a", SyntheticSpec.of(120, 80, 0.08, 5));
        Path b = write("b", SyntheticSpec.of(120, 80, 0.08, 5));

        assertThat(Files.readAllBytes(a.resolve("ratings.csv"))).isEqualTo(Files.readAllBytes(b.resolve("ratings.csv")));
        assertThat(Files.readAllBytes(a.resolve("items.csv"))).isEqualTo(Files.readAllBytes(b.resolve("items.csv")));
    }

    @Test
    void anotherSeedGivesOtherData() throws IOException {
        Path a = write("a", SyntheticSpec.of(120, 80, 0.08, 5));
        Path b = write("b", SyntheticSpec.of(120, 80, 0.08, 6));

        assertThat(Files.readAllBytes(a.resolve("ratings.csv"))).isNotEqualTo(Files.readAllBytes(b.resolve("ratings.csv")));
    }

    @Test
    void densityRatingsAndPopularityLookLikeAShop() throws IOException {
        Path dir = write("shop", SyntheticSpec.of(500, 400, 0.05, 11));
        List<String[]> rows = Files.readAllLines(dir.resolve("ratings.csv")).stream().skip(1)
                .map(l -> l.split(",")).toList();

        // the target is 0.05 · 500 · 400 = 10 000 interactions
        assertThat(rows.size()).isBetween(8_500, 11_500);
        assertThat(rows).allSatisfy(r -> assertThat(Integer.parseInt(r[2])).isBetween(1, 5));
        assertThat(rows.stream().map(r -> r[0] + "/" + r[1]).distinct().count()).isEqualTo(rows.size());
        Map<String, Long> popularity = rows.stream().collect(Collectors.groupingBy(r -> r[1], Collectors.counting()));
        long top = popularity.getOrDefault("i1", 0L);
        long tail = popularity.getOrDefault("i400", 0L);
        assertThat(top).isGreaterThan(5 * Math.max(1, tail));
        Map<String, Long> stars = rows.stream().collect(Collectors.groupingBy(r -> r[2], Collectors.counting()));
        assertThat(stars.keySet()).containsExactlyInAnyOrder("1", "2", "3", "4", "5");
        assertThat(rows).allSatisfy(r -> assertThat(Long.parseLong(r[3])).isBetween(1_704_067_200L, 1_735_689_600L));
    }

    @Test
    void everyItemHasATitleACategoryAndText() throws IOException {
        Path dir = write("shop", SyntheticSpec.of(10, 50, 0.1, 3));
        List<String> items = Files.readAllLines(dir.resolve("items.csv"));

        assertThat(items).hasSize(51);
        assertThat(items.get(0)).isEqualTo("item,title,categories,text");
        assertThat(items.stream().skip(1).map(l -> l.split(",")))
                .allSatisfy(f -> {
                    assertThat(f).hasSize(4);
                    assertThat(SyntheticGenerator.CATEGORIES).contains(f[2]);
                    assertThat(f[3].split(" ")).hasSize(6);
                });
    }

    @Test
    void implicitModeWritesPositiveCounts() throws IOException {
        Path dir = write("counts", new SyntheticSpec(50, 40, 0.1, 2, 4, true));
        List<String> lines = Files.readAllLines(dir.resolve("ratings.csv"));

        assertThat(lines.get(0)).isEqualTo("user,item,count,timestamp");
        assertThat(lines.stream().skip(1).map(l -> Integer.parseInt(l.split(",")[2]))).allMatch(c -> c >= 1);
    }

    @Test
    void invalidSpecsAreRejectedWithTheParameterName() {
        assertThatThrownBy(() -> SyntheticSpec.of(0, 10, 0.1, 1)).hasMessageContaining("number of users: 0");
        assertThatThrownBy(() -> SyntheticSpec.of(10, 10, 1.5, 1)).hasMessageContaining("density: 1.5");
    }

    @Test
    void generationCanBeCancelled() {
        assertThatThrownBy(() -> SyntheticGenerator.generate(SyntheticSpec.of(1000, 100, 0.1, 1),
                new SyntheticGenerator.Sink() {
                    @Override
                    public void item(String id, String title, List<String> categories, String text) {
                    }

                    @Override
                    public void interaction(String user, String item, float value, int timestamp) {
                    }
                }, Progress.NONE, () -> true)).isInstanceOf(CancelledException.class);
    }

    @Test
    void aliasTableDrawsInProportionToWeights() {
        SyntheticGenerator.AliasTable table = new SyntheticGenerator.AliasTable(new double[]{1, 2, 7});
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        Map<Integer, Long> counts = java.util.stream.IntStream.range(0, 100_000).map(k -> table.sample(random))
                .boxed().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertThat(counts.get(0) / 100_000.0).isBetween(0.09, 0.11);
        assertThat(counts.get(1) / 100_000.0).isBetween(0.19, 0.21);
        assertThat(counts.get(2) / 100_000.0).isBetween(0.69, 0.71);
    }
}
