package tijian.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;

import tijian.activity.Recorded;
import tijian.config.CheckerConfig;
import tijian.ingest.SafeZip;
import tijian.rulebook.RuleAuthoring;
import tijian.rulebook.RuleBook;
import tijian.rulebook.RuleRevisionRecord;
import tijian.rulebook.RuleWatcher;
import tijian.rules.Example;
import tijian.rules.Item;
import tijian.rules.Problem;
import tijian.rules.RuleSet;
import tijian.rules.RuleSetCompiler;
import tijian.security.Caller;
import tijian.security.Roles;
import tijian.verdict.Verdicts;

/**
 * What the service checks with (any signed-in user may read the items it judges by), and the rule author's
 * workbench: validate, test, revisions, upload.
 */
@Path("/api/rules")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@RolesAllowed(Roles.RULE_AUTHOR)
public class RuleResource {
    @Inject
    RuleBook ruleBook;

    @Inject
    RuleAuthoring authoring;

    @Inject
    RuleWatcher watcher;

    @Inject
    Verdicts verdicts;

    @Inject
    io.quarkus.security.identity.SecurityIdentity identity;

    /**
     * {@code watching}: whether saved changes in the directory are picked up right now. {@code directory} names the
     * rules folder without its path on the server.
     */
    public record RuleSetView(String revision, Instant activeSince, String directory, boolean watching, List<Item> items,
                              List<Problem> warnings, RuleBook.Rejection lastRejection, String profile,
                              List<String> profiles, ClusterView cluster) {}

    /** The profiles a check may name, and the one it gets when it names none. */
    public record ProfilesView(List<String> profiles, String defaultProfile) {}

    /**
     * The revision every instance on the database should serve, whether this one does ({@code inStep}), and when it
     * cannot, why ({@code mismatch}: the cluster's revision with the problems it has here). {@code rulesOwner}: this
     * instance reads the rules folder; the others take their rules from the database.
     */
    public record ClusterView(String revision, Instant activatedAt, String activatedBy, String source, boolean inStep,
                              boolean rulesOwner, RuleBook.Rejection mismatch) {
        static ClusterView of(RuleBook book) {
            RuleBook.ClusterRevision c = book.cluster().orElse(null);
            return new ClusterView(c == null ? null : c.revision(), c == null ? null : c.activatedAt(),
                    c == null ? null : c.activatedBy(), c == null ? null : c.source(), book.inStep(), book.ownsFolder(),
                    book.mismatch().orElse(null));
        }
    }

    public record RevisionView(String revision, Instant activatedAt, int itemCount, boolean live) {}

    public record RevisionFiles(String revision, Map<String, String> files) {}

    public record RevisionDiff(String from, String to, List<String> added, List<String> removed, List<String> changed) {}

    /** {@code verdicts}: how inspectors judged the item's findings (for inspectors and rule authors; null for others). */
    public record ItemDetail(Item item, List<?> rules, List<Example> examples, Verdicts.ItemVerdicts verdicts) {}

    @Inject
    CheckerConfig config;

    @GET
    @Authenticated
    @Operation(summary = "The live rule set: revision, since when, items (of ?profile=, else the base), profiles, warnings and the last rejected change (signed-in users)")
    public RuleSetView rules(@QueryParam("profile") String profile) {
        RuleBook.Rejection rejection = ruleBook.lastRejection().orElse(null);
        return ruleBook.live()
                .map(l -> {
                    RuleSet shown = l.rules().forProfile(profile);
                    return new RuleSetView(l.rules().revision(), l.since(), RuleBook.FOLDER, watcher.isWatching(),
                            List.copyOf(shown.items().values()), l.rules().warnings(), rejection, shown.profile(),
                            List.copyOf(l.rules().profileNames()), ClusterView.of(ruleBook));
                })
                .orElseGet(() -> new RuleSetView(null, null, RuleBook.FOLDER, watcher.isWatching(), List.of(),
                        List.of(), rejection, null, List.of(), ClusterView.of(ruleBook)));
    }

    @GET
    @Path("/profiles")
    @PermitAll
    @Operation(summary = "The rule profiles a check may name (?profile= or the check form's profile field) and the default; anyone")
    public ProfilesView profiles() {
        return new ProfilesView(ruleBook.live().map(l -> List.copyOf(l.rules().profileNames())).orElse(List.of()),
                config.rules().defaultProfile());
    }

    @GET
    @Path("/revisions")
    @Operation(summary = "Every revision that went live, newest first")
    public List<RevisionView> revisions() {
        String live = ruleBook.live().map(l -> l.rules().revision()).orElse("");
        List<RuleRevisionRecord> all = RuleRevisionRecord.list("order by activatedAt desc");
        return all.stream().map(r -> new RevisionView(r.revision, r.activatedAt, r.itemCount, r.revision.equals(live))).toList();
    }

    @GET
    @Path("/revisions/{revision}")
    @Operation(summary = "The files of a revision, to reproduce a stored check")
    public RevisionFiles revision(@PathParam("revision") String revision) {
        return new RevisionFiles(revision, ruleBook.filesOf(revision).orElseThrow(NotFoundException::new));
    }

    @GET
    @Path("/revisions/{from}/diff/{to}")
    @Operation(summary = "Which files differ between two revisions")
    public RevisionDiff diff(@PathParam("from") String from, @PathParam("to") String to) {
        Map<String, String> a = ruleBook.filesOf(from).orElseThrow(NotFoundException::new);
        Map<String, String> b = ruleBook.filesOf(to).orElseThrow(NotFoundException::new);
        Set<String> names = new TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (String n : names) {
            if (!a.containsKey(n)) {
                added.add(n);
            } else if (!b.containsKey(n)) {
                removed.add(n);
            } else if (!a.get(n).equals(b.get(n))) {
                changed.add(n);
            }
        }
        return new RevisionDiff(from, to, added, removed, changed);
    }

    @GET
    @Path("/{itemId}")
    @Authenticated
    @Operation(summary = "One item: metadata, the rules that judge it and where they are written, its examples; for inspectors and rule authors how often inspectors accepted or overruled its findings, with the reasons")
    public ItemDetail item(@PathParam("itemId") String itemId) {
        RuleSet rules = ruleBook.active();
        Item item = rules.items().get(itemId);
        if (item == null) {
            throw new NotFoundException();
        }
        return new ItemDetail(item, rules.rulesByItem().getOrDefault(itemId, List.of()),
                rules.examples().stream().filter(e -> e.item().equals(itemId)).toList(),
                Caller.of(identity).readsEverything() ? verdicts.forItem(itemId) : null);
    }

    @POST
    @Path("/validate")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Compile uploaded rule files (form parts \"file\") over the live ones without activating them")
    @Recorded("rules.validate")
    public RuleAuthoring.Validation validate(@RestForm("file") List<FileUpload> files) throws IOException {
        return authoring.validate(read(files));
    }

    @POST
    @Path("/validate")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Compile a rule file sent as the body (?name=structure.drl), or a zip of a rules folder, without activating it")
    @Recorded("rules.validate")
    public RuleAuthoring.Validation validateBody(@QueryParam("name") String name, byte[] body) {
        return authoring.validate(read(name, body));
    }

    @POST
    @Path("/test")
    @Operation(summary = "Run every example of the live rule set")
    @Recorded("rules.test")
    public List<RuleAuthoring.ExampleOutcome> test() {
        return authoring.testLive();
    }

    @POST
    @Path("/test")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Run every example of a candidate: the live files with the uploaded ones laid over them")
    @Recorded("rules.test")
    public RuleAuthoring.Validation testCandidate(@RestForm("file") List<FileUpload> files) throws IOException {
        return authoring.validate(read(files));
    }

    @PUT
    @Path("/files/{name: .+}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Upload a rule file; it goes live if the rules still validate (rule authors; unless checker.rules.upload-enabled=false)")
    @Recorded("rules.put")
    public Response put(@PathParam("name") String name, byte[] body) {
        RuleAuthoring.Validation v = authoring.put(name, text(body));
        return Response.status(v.valid() ? 200 : 422).entity(v).build();
    }

    @DELETE
    @Path("/files/{name: .+}")
    @Operation(summary = "Delete a rule file if the rules still validate without it")
    @Recorded("rules.delete")
    public Response delete(@PathParam("name") String name) {
        RuleAuthoring.Validation v = authoring.delete(name);
        return Response.status(v.valid() ? 200 : 422).entity(v).build();
    }

    private static Map<String, String> read(List<FileUpload> files) throws IOException {
        Map<String, String> read = new LinkedHashMap<>();
        for (FileUpload f : files == null ? List.<FileUpload>of() : files) {
            read.putAll(read(f.fileName(), Files.readAllBytes(f.uploadedFile())));
        }
        return read;
    }

    /** A rule file by its name, or every rule file of a zipped rules folder (by their paths inside it). */
    private static Map<String, String> read(String name, byte[] body) {
        byte[] bytes = body == null ? new byte[0] : body;
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
            return Map.of(name == null ? "" : name, text(bytes));
        }
        Map<String, String> files = new LinkedHashMap<>();
        for (SafeZip.Entry e : SafeZip.entries(bytes, SafeZip.Limits.defaults())) {
            String path = e.path();
            // A zipped "rules/" folder keeps its own name in every path; the rule file names start below it.
            int rules = path.indexOf("rules/");
            String relative = rules >= 0 ? path.substring(rules + "rules/".length()) : path;
            if (RuleSetCompiler.isRuleFile(relative)) {
                files.put(relative, text(e.bytes()));
            }
        }
        return files;
    }

    private static String text(byte[] body) {
        String s = new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
