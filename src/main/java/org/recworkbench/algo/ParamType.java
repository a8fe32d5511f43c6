package org.recworkbench.algo;

/** The kinds of algorithm parameter; each maps to one widget (slider, slider, combo box, check box). */
public enum ParamType {
    INTEGER, REAL, CHOICE, FLAG
}
