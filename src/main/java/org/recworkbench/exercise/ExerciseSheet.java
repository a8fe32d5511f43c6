package org.recworkbench.exercise;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A teacher's sheet: N exercises drawn from a seed, the kinds taken in turn. Exercise j gets its own seed, drawn from
 * the sheet's, and printed on the sheet, so {@code exercise --kind K --seed S} repeats any one of them.
 */
public record ExerciseSheet(long seed, Difficulty difficulty, String dataset, List<Exercise> exercises) {

    public static final int MAX_EXERCISES = 200;

    public ExerciseSheet {
        exercises = List.copyOf(exercises);
    }

    public static ExerciseSheet generate(int n, List<ExerciseKind> kinds, Difficulty difficulty, long seed,
                                         Dataset real) {
        if (n < 1 || n > MAX_EXERCISES) {
            throw new InvalidInputException("A sheet holds 1 to " + MAX_EXERCISES + " exercises; got " + n);
        }
        if (kinds.isEmpty()) {
            throw new InvalidInputException("A sheet needs at least one exercise kind");
        }
        SplittableRandom seeds = new SplittableRandom(seed);
        List<Exercise> exercises = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            long own = seeds.nextLong(1, 1_000_000);
            exercises.add(ExerciseGenerator.generate(kinds.get(j % kinds.size()), difficulty, own, real));
        }
        return new ExerciseSheet(seed, difficulty, difficulty == Difficulty.REAL && real != null ? real.name() : null,
                exercises);
    }
}
