package org.recworkbench.examples;

import java.util.List;

/**
 * The gallery's counts, computed from the verdicts rather than typed: how many examples print a final value,
 * how many of those are wrong, and how many contain some slip (a wrong final value, step or formula).
 */
public record GalleryTally(int examples, int printFinalValue, int wrongFinalValue, int withSlip) {

    public static GalleryTally of(List<ExampleResult> results) {
        int print = 0;
        int wrong = 0;
        int slip = 0;
        for (ExampleResult r : results) {
            if (r.printsFinalValue()) {
                print++;
            }
            if (r.verdict() == Verdict.WRONG_RESULT) {
                wrong++;
            }
            if (r.verdict() != Verdict.RIGHT) {
                slip++;
            }
        }
        return new GalleryTally(results.size(), print, wrong, slip);
    }

    /** "14 examples print a final value and 12 of those are wrong; 16 of 19 contain some slip." */
    public String sentence() {
        return printFinalValue + " examples print a final value and " + wrongFinalValue + " of those are wrong; "
                + withSlip + " of " + examples + " contain some slip.";
    }
}
