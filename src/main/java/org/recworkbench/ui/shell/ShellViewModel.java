package org.recworkbench.ui.shell;

import org.recworkbench.ui.common.EngineText;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.recworkbench.explain.Derivation;
import org.recworkbench.store.DatasetInfo;
import org.recworkbench.store.SampleData;
import org.recworkbench.store.Workspace;
import org.recworkbench.ui.common.ErrorMessages;
import org.recworkbench.ui.common.I18n;
import org.recworkbench.ui.common.JobRunner;
import org.recworkbench.ui.common.RunningJob;
import org.recworkbench.ui.compare.CompareViewModel;
import org.recworkbench.ui.datasets.DatasetsViewModel;
import org.recworkbench.ui.evaluate.EvaluateViewModel;
import org.recworkbench.ui.explore.ExploreViewModel;
import org.recworkbench.ui.exercise.ExercisesViewModel;
import org.recworkbench.ui.formulas.FormulasViewModel;
import org.recworkbench.ui.history.HistoryViewModel;
import org.recworkbench.ui.live.StreamViewModel;
import org.recworkbench.ui.heatmap.SimilarityViewModel;
import org.recworkbench.ui.session.Session;
import org.recworkbench.ui.tune.TuneViewModel;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.prefs.Preferences;

/** State of the main window: the open workspace, the chosen section, the status line, the shared selection. */
public final class ShellViewModel {

    private final Path databasePath;
    private final JobRunner jobs;
    private final DatasetsViewModel datasets;
    private final Session session;
    private final TuneViewModel tune;
    private final HistoryViewModel history;
    private final CompareViewModel compare;
    private final ExploreViewModel explore;
    private final SimilarityViewModel similarity;
    private final FormulasViewModel formulas;
    private final ExercisesViewModel exercises;
    private final EvaluateViewModel evaluate;
    private final StreamViewModel stream;
    private final ReadOnlyObjectWrapper<Workspace> workspace = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(I18n.t("app.status.starting"));
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private String errorDetails = "";
    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(Section.DATASETS);
    private final ObjectProperty<DatasetInfo> selectedDataset = new SimpleObjectProperty<>();
    private final StringBinding datasetSummary;

    private final Preferences preferences;
    private final BooleanProperty dark = new SimpleBooleanProperty(false);
    private final ObjectProperty<Locale> language = new SimpleObjectProperty<>();

    /** A shell remembering its state in the user's preferences for this application. */
    public ShellViewModel(Path databasePath, JobRunner jobs) {
        this(databasePath, jobs, Preferences.userRoot().node("org/recworkbench/workbench"));
    }

    /**
     * @param preferences where the last view, the last dataset and the theme are remembered (tests pass their own
     *                    node)
     */
    public ShellViewModel(Path databasePath, JobRunner jobs, Preferences preferences) {
        this.databasePath = databasePath;
        this.jobs = jobs;
        this.preferences = preferences;
        String remembered = preferences.get(LANGUAGE, "");
        // the remembered language, else the one I18n chose from the system locale: set either way, so the engine's
        // words (which default to English for the command line) follow the window from the first view
        I18n.setLocale(remembered.isEmpty() ? I18n.locale() : Locale.forLanguageTag(remembered));
        language.set(I18n.locale());
        // an invalidation listener added before any binding on the language: the bundles switch before the
        // bindings that depend on the language (the header's summaries) are recomputed
        language.addListener(observable -> {
            I18n.setLocale(language.get());
            preferences.put(LANGUAGE, I18n.locale().toLanguageTag());
            status.set(I18n.t("app.status.language", I18n.t("app.languageName")));
        });
        this.datasets = new DatasetsViewModel(jobs, workspace.getReadOnlyProperty(), selectedDataset,
                preferences.get(LAST_DATASET, SampleData.FIRST_CHOICE));
        datasets.setReopen(this::onReopen);
        section.set(lastSection(preferences));
        dark.set(preferences.getBoolean(DARK, false));
        section.addListener((obs, old, now) -> preferences.put(LAST_SECTION, now.name()));
        selectedDataset.addListener((obs, old, now) -> {
            if (now != null) {
                preferences.put(LAST_DATASET, now.name());
            }
        });
        dark.addListener((obs, old, now) -> preferences.putBoolean(DARK, now));
        this.session = new Session(jobs, workspace.getReadOnlyProperty(), selectedDataset);
        session.rememberIn(preferences.node("parameters"));
        this.tune = new TuneViewModel(session);
        this.history = new HistoryViewModel(jobs, workspace.getReadOnlyProperty());
        this.compare = new CompareViewModel(session, tune.listLengthProperty());
        this.explore = new ExploreViewModel(jobs, session.dataProperty());
        this.similarity = new SimilarityViewModel(jobs, session.dataProperty());
        this.formulas = new FormulasViewModel(jobs, session.dataProperty(), session.modelProperty());
        this.exercises = new ExercisesViewModel(jobs, session.dataProperty());
        // after the listener that switches the bundles: the exercise on screen is the engine's words, made again
        // in the new language
        language.addListener(observable -> exercises.onLanguageChanged());
        tune.setFormulaSink(this::openInFormulas);
        this.evaluate = new EvaluateViewModel(session);
        evaluate.setUserMetricsSink((run, user) -> {
            formulas.showUserMetrics(run, user);
            section.set(Section.FORMULAS);
        }, session::userId);
        similarity.setFormulaSink(this::openInFormulas);
        this.stream = new StreamViewModel(session);
        this.datasetSummary = Bindings.createStringBinding(() -> summary(selectedDataset.get()), selectedDataset,
                language);
    }

    static final String LAST_SECTION = "lastSection";
    static final String LAST_DATASET = "lastDataset";
    static final String DARK = "darkTheme";
    static final String LANGUAGE = "language";

    private static Section lastSection(Preferences preferences) {
        try {
            return Section.valueOf(preferences.get(LAST_SECTION, Section.DATASETS.name()));
        } catch (IllegalArgumentException unknown) {
            return Section.DATASETS;
        }
    }

    /** The shared selection beyond the dataset: the algorithm with its parameters and the user, for the header. */
    public StringBinding selectionSummary() {
        return Bindings.createStringBinding(() -> {
            var params = session.paramsProperty().get();
            String algorithm = session.algorithmProperty().get() == null ? ""
                    : session.algorithmProperty().get().id();
            String who = session.userId().isEmpty() ? "" : I18n.t("app.selection.user", session.userId());
            String item = tune.selectedItemProperty().get().isEmpty() ? ""
                    : I18n.t("app.selection.item", tune.selectedItemProperty().get());
            return algorithm + (params == null || params.asMap().isEmpty() ? "" : " (" + org.recworkbench.ui.common.EngineText.paramSummary(params.summary()) + ")")
                    + who + item;
        }, session.algorithmProperty(), session.paramsProperty(), session.userProperty(), session.dataProperty(),
                tune.selectedItemProperty(), language);
    }

    /**
     * The window's language (initially the remembered one, else the system's): setting it switches the bundles,
     * remembers the choice, and the shell view rebuilds itself; the view models and the session stay as they are.
     */
    public ObjectProperty<Locale> languageProperty() {
        return language;
    }

    /** Whether the dark theme is on (remembered). */
    public BooleanProperty darkProperty() {
        return dark;
    }

    public Preferences preferences() {
        return preferences;
    }

    /**
     * Called by the view when a section is shown: views that compute only while visible start or stop, and the
     * history re-reads the runs when it is shown again.
     */
    public void onSectionShown(Section shown, boolean firstTime) {
        explore.setVisible(shown == Section.EXPLORE);
        similarity.setVisible(shown == Section.SIMILARITY);
        if (shown == Section.HISTORY && !firstTime) {
            history.onRefresh();
        }
    }

    /** Shows the n-th section (1-based, Ctrl+1 … Ctrl+9). */
    public void onShowSection(int n) {
        if (n >= 1 && n <= Section.values().length) {
            section.set(Section.values()[n - 1]);
        }
    }

    /** Cancels the job the status bar shows (Esc); false when there is none. */
    public boolean onCancelJob() {
        RunningJob shown = shownJob(List.copyOf(jobs.jobs()));
        if (shown != null) {
            shown.cancel();
        }
        return shown != null;
    }

    /**
     * The job the status bar shows (and Esc cancels): the first one running, else the first one being cancelled,
     * else the first one waiting; null when there is none.
     */
    static RunningJob shownJob(List<RunningJob> jobs) {
        for (RunningJob.State state : RunningJob.State.values()) {
            if (state == RunningJob.State.WAITING) {
                continue;
            }
            for (RunningJob job : jobs) {
                if (job.stateProperty().get() == state) {
                    return job;
                }
            }
        }
        return jobs.isEmpty() ? null : jobs.get(0);
    }

    private boolean opening;

    /**
     * Tries again to open a workspace that could not be opened (another process held it), unless it is open or
     * being opened already.
     */
    public void onReopen() {
        if (workspace.get() == null && !opening) {
            onOpen();
        }
    }

    /** Opens the workspace in the background, importing the bundled samples the first time. */
    public void onOpen() {
        opening = true;
        status.set(I18n.t("app.status.opening", databasePath));
        jobs.submit(I18n.t("app.job.openWorkspace"), (progress, cancel) -> {
            Workspace opened = Workspace.open(databasePath);
            try {
                int imported = SampleData.importOnFirstStart(opened, progress, cancel);
                // listed in the same job: one hop less before the last dataset loads
                return new Opened(opened, imported, opened.datasets().list());
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
        }, opened -> {
            opening = false;
            workspace.set(opened.workspace());
            status.set(opened.samplesImported() > 0
                    ? I18n.t("app.status.created", databasePath, String.valueOf(opened.samplesImported()))
                    : I18n.t("app.status.workspace", databasePath));
            datasets.show(opened.datasets());
        }, failure -> {
            opening = false;
            status.set(I18n.t("app.status.openFailed"));
            errorDetails = ErrorMessages.details(failure);
            error.set(ErrorMessages.readable(failure));
            datasets.workspaceUnavailable(ErrorMessages.readable(failure));
        });
    }

    private record Opened(Workspace workspace, int samplesImported, List<DatasetInfo> datasets) {
    }

    public void onClose() {
        stream.shutdown();
        Workspace open = workspace.get();
        if (open != null) {
            open.close();
        }
    }

    public List<Section> sections() {
        return List.of(Section.values());
    }

    public ObjectProperty<Section> sectionProperty() {
        return section;
    }

    public ReadOnlyObjectProperty<Workspace> workspaceProperty() {
        return workspace.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The latest readable error, or null; the view shows it in a dialog. */
    /** The technical details (stack trace) behind the latest error, shown only when the user expands them. */
    public String errorDetails() {
        return errorDetails;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The dataset every section works on. */
    public ObjectProperty<DatasetInfo> selectedDatasetProperty() {
        return selectedDataset;
    }

    /** One line for the header: name, kind and size of the selected dataset. */
    public StringBinding datasetSummary() {
        return datasetSummary;
    }

    static String summary(DatasetInfo d) {
        if (d == null) {
            return I18n.t("app.noDataset");
        }
        return I18n.t("app.datasetSummary", d.name(), org.recworkbench.ui.common.EngineText.kind(d.kind()),
                String.format(Locale.ROOT, "%,d", d.users()), String.format(Locale.ROOT, "%,d", d.items()),
                String.format(Locale.ROOT, "%,d", d.interactions()));
    }

    public DatasetsViewModel datasets() {
        return datasets;
    }

    public EvaluateViewModel evaluate() {
        return evaluate;
    }

    public FormulasViewModel formulas() {
        return formulas;
    }

    public ExercisesViewModel exercises() {
        return exercises;
    }

    /** Sends a derivation to the Formulas view and shows it there. */
    public void openInFormulas(Derivation derivation, String from) {
        if (derivation != null) {
            formulas.show(derivation, from);
            section.set(Section.FORMULAS);
        }
    }

    public StreamViewModel stream() {
        return stream;
    }

    public SimilarityViewModel similarity() {
        return similarity;
    }

    public ExploreViewModel explore() {
        return explore;
    }

    public CompareViewModel compare() {
        return compare;
    }

    public HistoryViewModel history() {
        return history;
    }

    /** What the views share: dataset, data, algorithm and parameters, user, fitted model. */
    public Session session() {
        return session;
    }

    public TuneViewModel tune() {
        return tune;
    }

    public JobRunner jobs() {
        return jobs;
    }
}
