package org.recworkbench.ui.live;

/** How fast the replay plays: events per second, or as fast as the model can take them. */
public enum Speed {
    ONE(1, "1 event/s"),
    TEN(10, "10 events/s"),
    HUNDRED(100, "100 events/s"),
    THOUSAND(1000, "1,000 events/s"),
    MAX(0, "as fast as possible");

    private final int perSecond;
    private final String label;

    Speed(int perSecond, String label) {
        this.perSecond = perSecond;
        this.label = label;
    }

    /** Events per second; 0 for no pacing. */
    public int perSecond() {
        return perSecond;
    }

    /** The speed in the window's language. */
    public String label() {
        return org.recworkbench.ui.common.I18n.orElse("live.speed." + name(), label);
    }

    @Override
    public String toString() {
        return org.recworkbench.ui.common.I18n.orElse("live.speed." + name(), label);
    }
}
