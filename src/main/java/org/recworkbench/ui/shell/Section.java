package org.recworkbench.ui.shell;

/** The window's sections, in navigation order, with what each will hold until it is built. */
public enum Section {
    DATASETS("Datasets", null),
    EXPLORE("Explore", null),
    TUNE("Tune & Recommend", null),
    SIMILARITY("Similarity", null),
    FORMULAS("Formulas", null),
    EVALUATE("Evaluate", null),
    COMPARE("Compare", null),
    STREAM("Stream", null),
    HISTORY("History", null),
    EXERCISES("Exercises", null);

    private final String label;
    private final String comingSoon;

    Section(String label, String comingSoon) {
        this.label = label;
        this.comingSoon = comingSoon;
    }

    /** The section's name in the window's language ({@code app.section.<NAME>}), English for one the bundles lack. */
    public String label() {
        return org.recworkbench.ui.common.I18n.orElse("app.section." + name(), label);
    }

    /** What the section will show, for placeholder sections; null once built. */
    public String comingSoon() {
        return comingSoon;
    }

    @Override
    public String toString() {
        return label();
    }
}
