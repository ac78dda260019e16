package vn.secondment.personnel.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import org.jboss.logging.Logger;
import vn.secondment.data.audit.AuditTrail;
import vn.secondment.events.outbox.EventPublisher;
import vn.secondment.events.personnel.AnnexAssignmentRequested;
import vn.secondment.events.personnel.OfficialsImported;
import vn.secondment.events.personnel.PersonnelEvents;
import vn.secondment.personnel.Official;
import vn.secondment.personnel.OrgUnit;
import vn.secondment.personnel.mapping.OfficialMapper;
import vn.secondment.personnel.readmodel.KnownAssignment;
import vn.secondment.personnel.readmodel.KnownDeployment;
import vn.secondment.personnel.repository.KnownAssignmentRepository;
import vn.secondment.personnel.repository.KnownDeploymentRepository;
import vn.secondment.personnel.repository.OfficialRepository;
import vn.secondment.personnel.repository.OrgUnitRepository;
import vn.secondment.personnel.rest.ImportReport;
import vn.secondment.personnel.rest.ImportedRow;
import vn.secondment.personnel.rest.OfficialRequest;
import vn.secondment.personnel.security.DirectoryAccess;
import vn.secondment.reference.AdministrativeUnits;
import vn.secondment.rest.Text;
import vn.secondment.rest.problem.Problem;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.problem.ProblemType;
import vn.secondment.tabular.Row;
import vn.secondment.tabular.Table;
import vn.secondment.tabular.TableFormat;
import vn.secondment.tabular.TableFormatException;
import vn.secondment.tabular.TableReader;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Imports a decision annex (CSV or XLSX) into a ministry's directory, all or nothing.
 * <p>
 * Every row is read and validated before anything is written; one bad cell refuses the whole file with a report of
 * every bad cell. The natural key is the work email (case-insensitive): a row whose email is already in the
 * ministry updates that official (or leaves them unchanged), so importing the same file twice creates nobody twice.
 * A dry run goes through exactly the same steps and rolls back at the end.
 * <p>
 * Imported into a deployment, each row also names the province and role of the official's assignment there: rows
 * are checked against the deployment as assignment-service announced it ({@link KnownDeployment}) and the
 * official's other assignments ({@link KnownAssignment}), and each valid row asks assignment-service for the
 * assignment through an {@link AnnexAssignmentRequested} event written in the same transaction (services never call
 * each other). The assignment's id is chosen here, from the deployment and the official, so an import repeated
 * asks for the same assignments, which assignment-service creates once.
 */
@ApplicationScoped
public class AnnexImportService {

    private static final Logger LOG = Logger.getLogger(AnnexImportService.class);

    /** Rows per import; a ministry's whole directory fits, a runaway file does not. */
    public static final int MAX_ROWS = 50_000;
    /** Errors listed in one answer: enough to fix a file, without a megabyte of the same message. */
    public static final int MAX_LISTED_ERRORS = 1_000;
    /** Rows written between flushes. */
    private static final int CHUNK = 500;

    private final OfficialRepository officials;
    private final OrgUnitRepository units;
    private final OfficialService officialService;
    private final MinistryService ministries;
    private final OfficialMapper mapper;
    private final AuditTrail audit;
    private final EventPublisher events;
    private final Validator validator;
    private final EntityManager entityManager;
    private final TransactionManager transactions;
    private final Clock clock;
    private final ImportMetrics metrics;
    private final KnownDeploymentRepository deployments;
    private final KnownAssignmentRepository knownAssignments;
    private final AdministrativeUnits administrativeUnits;

    public AnnexImportService(OfficialRepository officials, OrgUnitRepository units, OfficialService officialService,
                              MinistryService ministries, OfficialMapper mapper, AuditTrail audit,
                              EventPublisher events, Validator validator, EntityManager entityManager,
                              TransactionManager transactions, Clock clock, ImportMetrics metrics,
                              KnownDeploymentRepository deployments, KnownAssignmentRepository knownAssignments,
                              AdministrativeUnits administrativeUnits) {
        this.metrics = metrics;
        this.deployments = deployments;
        this.knownAssignments = knownAssignments;
        this.administrativeUnits = administrativeUnits;
        this.officials = officials;
        this.units = units;
        this.officialService = officialService;
        this.ministries = ministries;
        this.mapper = mapper;
        this.audit = audit;
        this.events = events;
        this.validator = validator;
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * What the caller asked for: whose annex, under which decision, from which file, and into which deployment
     * (null: the directory only). The ministry may be null with a deployment: the deployment's.
     */
    public record Request(String ministry, String decision, String fileName, TableFormat format, boolean dryRun,
                          UUID deployment) {
    }

    @Transactional
    public ImportReport importAnnex(Request request, InputStream file, DirectoryAccess access) {
        KnownDeployment deployment = null;
        if (request.deployment() != null) {
            deployment = requireDeployment(request, access);
            request = new Request(deployment.ministryCode, request.decision(), request.fileName(), request.format(),
                    request.dryRun(), request.deployment());
        }
        access.requireManage(request.ministry());
        ministries.requireCurrent("ministry", request.ministry());
        long started = System.nanoTime();
        try {
            return importChecked(request, deployment, file, access, started);
        } finally {
            metrics.took(ImportMetrics.OFFICIALS, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** The deployment an annex goes into: known here, of a ministry the caller manages, not completed or cancelled. */
    private KnownDeployment requireDeployment(Request request, DirectoryAccess access) {
        KnownDeployment d = deployments.findByIdOptional(request.deployment()).orElseThrow(() ->
                new ProblemException(ProblemType.UNPROCESSABLE, "Deployment " + request.deployment() + " is not known",
                        List.of(new Problem.Violation("deployment", "is not a known deployment (one created a moment "
                                + "ago is known once assignment-service has announced it: try again shortly)"))));
        access.requireManage(d.ministryCode);
        if (request.ministry() != null && !request.ministry().equals(d.ministryCode)) {
            throw ProblemException.invalid("deployment", "is a deployment of " + d.ministryCode
                    + ": its annex imports officials of " + d.ministryCode + ", not of " + request.ministry());
        }
        if (KnownDeployment.CLOSED.contains(d.status)) {
            throw new ProblemException(ProblemType.CONFLICT, "Deployment " + d.deploymentId + " is " + d.status
                    + ": no assignment can be added");
        }
        // a round already run (entered after the fact, issue 19) takes its annex like a live one: assignment-service
        // accepts assignments whose period is past, so the whole of 878/QĐ-BNV can be recorded in 2026
        return d;
    }

    private ImportReport importChecked(Request request, KnownDeployment deployment, InputStream file,
                                       DirectoryAccess access, long started) {
        Table table = read(file, request.format());
        long read = System.nanoTime();

        Map<String, OrgUnit> unitsByKey = new HashMap<>();
        Map<UUID, OrgUnit> unitsById = new HashMap<>();
        for (OrgUnit unit : units.ofMinistry(request.ministry())) {
            unitsByKey.put(unit.code, unit);
            unitsByKey.put(unit.nameKey, unit);
            unitsById.put(unit.id, unit);
        }
        AnnexRowParser parser = new AnnexRowParser(request.ministry(), table.header(), unitsByKey);
        List<Problem.Violation> errors = new ArrayList<>();
        AnnexPlacements placements = deployment == null ? null : new AnnexPlacements(deployment, administrativeUnits);
        List<ParsedRow> parsed = validate(table, parser, placements, errors);
        requireOwnEmails(parsed, request.ministry(), parser, errors);
        if (deployment != null) {
            requireFree(parsed, deployment, parser, errors);
        }
        errors.sort(Comparator.comparing(Problem.Violation::row).thenComparing(Problem.Violation::field));
        long checked = System.nanoTime();

        UUID importId = UUID.randomUUID();
        if (!errors.isEmpty()) {
            List<Problem.Violation> listed = errors.subList(0, Math.min(errors.size(), MAX_LISTED_ERRORS));
            if (!request.dryRun()) {
                metrics.rejected(ImportMetrics.OFFICIALS,
                        errors.stream().map(Problem.Violation::row).filter(Objects::nonNull).distinct().count());
                String more = errors.size() > listed.size() ? " (the first " + listed.size() + " are listed)" : "";
                throw new ProblemException(ProblemType.UNPROCESSABLE, errors.size() + " invalid cell(s) in "
                        + request.fileName() + more + "; nothing was imported. Each violation names the row and "
                        + "column", listed);
            }
            return new ImportReport(importId, request.ministry(), request.decision(), request.fileName(), true,
                    false, table.rows().size(), 0, 0, 0, errors.size(), List.copyOf(listed), request.deployment(),
                    List.of());
        }

        Counts counts = new Counts();
        List<ImportedRow> imported = new ArrayList<>(parsed.size());
        String actor = access.caller().username();
        String reason = request.decision() == null ? "Import of " + request.fileName()
                : "Import of " + request.fileName() + " (" + request.decision() + ")";
        for (int from = 0; from < parsed.size(); from += CHUNK) {
            List<ParsedRow> chunk = parsed.subList(from, Math.min(parsed.size(), from + CHUNK));
            Map<String, Official> existing = new HashMap<>();
            for (Official official : officials.findByEmails(chunk.stream().map(ParsedRow::emailKey).toList())) {
                existing.put(official.email.toLowerCase(Locale.ROOT), official);
            }
            for (ParsedRow row : chunk) {
                Official before = existing.get(row.emailKey());
                Official official = write(row, before, request.ministry(), unitsById::get, actor, reason, importId,
                        counts);
                imported.add(deployment == null ? imported(row, official, before == null, request.dryRun())
                        : assign(row, official, before == null, deployment, request, importId, actor));
            }
            // keep the persistence context small: thousands of managed rows make every flush slower
            entityManager.flush();
            entityManager.clear();
        }
        int unchanged = parsed.size() - counts.created - counts.updated;
        events.publish(PersonnelEvents.OFFICIALS_IMPORTED, importId, request.ministry(),
                new OfficialsImported(importId, request.ministry(), request.decision(), request.fileName(),
                        counts.created, counts.updated, unchanged, actor));
        if (request.dryRun()) {
            rollbackOnly();
        } else {
            metrics.written(ImportMetrics.OFFICIALS, counts.created, counts.updated, unchanged);
        }
        LOG.infof("Import %s of %s for %s%s: %d rows read in %d ms, checked in %d ms; %d created, %d updated, "
                        + "%d unchanged, written in %d ms", importId, request.fileName(), request.ministry(),
                request.dryRun() ? " (dry run)" : "", parsed.size(), millis(started, read), millis(read, checked),
                counts.created, counts.updated, unchanged, millis(checked, System.nanoTime()));
        return new ImportReport(importId, request.ministry(), request.decision(), request.fileName(),
                request.dryRun(), !request.dryRun(), parsed.size(), counts.created, counts.updated, unchanged, 0,
                List.of(), request.deployment(), List.copyOf(imported));
    }

    private static ImportedRow imported(ParsedRow row, Official official, boolean created, boolean dryRun) {
        // a dry run's new official is rolled back: its id would name nobody
        return new ImportedRow(row.row().number(), dryRun && created ? null : official.id, created, null, null,
                null, false);
    }

    /** Asks assignment-service for the row's assignment, unless it already holds it. */
    private ImportedRow assign(ParsedRow row, Official official, boolean created, KnownDeployment deployment,
                               Request request, UUID importId, String actor) {
        UUID assignmentId = AnnexAssignmentRequested.assignmentIdOf(deployment.deploymentId, official.id);
        AnnexPlacements.Placement placement = row.placement();
        boolean requested = knownAssignments.findByIdOptional(assignmentId).isEmpty();
        if (requested) {
            // keyed by the official: the request follows the official's registration on the topic
            events.publish(PersonnelEvents.ANNEX_ASSIGNMENT_REQUESTED, official.id, request.ministry(),
                    new AnnexAssignmentRequested(importId, deployment.deploymentId, request.ministry(), assignmentId,
                            official.id, placement.provinceCode(), placement.role(), request.decision(), actor));
        }
        boolean unsaved = request.dryRun() && created;
        return new ImportedRow(row.row().number(), unsaved ? null : official.id, created, placement.provinceCode(),
                placement.role(), unsaved ? null : assignmentId, requested);
    }

    /**
     * An official already in the directory may not be deactivated, nor hold another assignment overlapping the
     * deployment (the rule assignment-service applies; checked here so that the file is refused as a whole).
     */
    private void requireFree(List<ParsedRow> rows, KnownDeployment deployment, AnnexRowParser parser,
                             List<Problem.Violation> errors) {
        Map<String, Official> existing = new HashMap<>();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<String> emails = rows.subList(from, Math.min(rows.size(), from + CHUNK)).stream()
                    .map(ParsedRow::emailKey).toList();
            for (Official official : officials.findByEmails(emails)) {
                existing.put(official.email.toLowerCase(Locale.ROOT), official);
            }
        }
        Map<UUID, List<KnownAssignment>> held = new HashMap<>();
        for (KnownAssignment a : knownAssignments.ofOfficials(
                existing.values().stream().map(o -> o.id).toList())) {
            held.computeIfAbsent(a.officialId, id -> new ArrayList<>()).add(a);
        }
        for (ParsedRow row : rows) {
            Official official = existing.get(row.emailKey());
            if (official == null) {
                continue;
            }
            if (!official.active) {
                errors.add(parser.error(row.row(), AnnexColumn.EMAIL, "is the email of an official who is no "
                        + "longer active: reactivate them before assigning them"));
                continue;
            }
            UUID own = AnnexAssignmentRequested.assignmentIdOf(deployment.deploymentId, official.id);
            held.getOrDefault(official.id, List.of()).stream()
                    .filter(a -> !a.assignmentId.equals(own) && a.status != null && a.status.holds())
                    .filter(a -> overlaps(a, deployment))
                    .findFirst()
                    .ifPresent(a -> errors.add(parser.error(row.row(), AnnexColumn.FULL_NAME, "already holds "
                            + "assignment " + a.assignmentId + " from " + a.startDate + " to " + a.endDate
                            + ", which overlaps the deployment (" + deployment.startDate + " to "
                            + deployment.endDate + ")")));
        }
    }

    private static boolean overlaps(KnownAssignment a, KnownDeployment d) {
        return (a.startDate == null || !a.startDate.isAfter(d.endDate))
                && (a.endDate == null || !a.endDate.isBefore(d.startDate));
    }

    /** Adds or updates the row's official; returns them. */
    private Official write(ParsedRow row, Official official, String ministry, OfficialService.UnitResolver unitOf,
                           String actor, String reason, UUID importId, Counts counts) {
        Instant now = clock.instant();
        if (official == null) {
            official = new Official();
            official.id = UUID.randomUUID();
            official.ministryCode = ministry;
            official.createdAt = now;
            official.createdBy = actor;
            official.updatedAt = now;
            officialService.apply(row.request(), official, unitOf);
            officials.persist(official);
            audit.record(OfficialService.AUDIT_TYPE, official.id, ministry, "imported", Map.of(),
                    mapper.auditState(official), actor, reason);
            events.publish(PersonnelEvents.OFFICIAL_REGISTERED, official.id, ministry,
                    mapper.toSnapshot(official, importId));
            counts.created++;
            return official;
        }
        Map<String, Object> before = mapper.auditState(official);
        officialService.apply(row.request(), official, unitOf);
        if (audit.record(OfficialService.AUDIT_TYPE, official.id, ministry, "imported", before,
                mapper.auditState(official), actor, reason)) {
            official.updatedAt = now;
            official.updatedBy = actor;
            events.publish(PersonnelEvents.OFFICIAL_UPDATED, official.id, ministry,
                    mapper.toSnapshot(official, importId));
            counts.updated++;
        }
        return official;
    }

    private static final class Counts {
        int created;
        int updated;
    }

    /** A valid row; its placement is null unless the annex goes into a deployment. */
    private record ParsedRow(Row row, OfficialRequest request, String emailKey, AnnexPlacements.Placement placement) {
    }

    private static Table read(InputStream file, TableFormat format) {
        try {
            return TableReader.read(file, format, AnnexColumn::isHeader, MAX_ROWS);
        } catch (TableFormatException e) {
            String where = e.row() == null ? "" : " (row " + e.row() + ")";
            throw new ProblemException(ProblemType.VALIDATION, "The file cannot be read" + where + ": "
                    + e.getMessage() + ". Expected columns: " + String.join(", ",
                    java.util.Arrays.stream(AnnexColumn.values()).map(AnnexColumn::header).toList()),
                    List.of(new Problem.Violation("file", e.getMessage(), e.row(), null)));
        }
    }

    /** Parses and validates every row; rows with errors are left out of the result. */
    private List<ParsedRow> validate(Table table, AnnexRowParser parser, AnnexPlacements placements,
                                     List<Problem.Violation> errors) {
        List<ParsedRow> rows = new ArrayList<>(table.rows().size());
        Map<String, Integer> firstRowOfEmail = new HashMap<>();
        for (Row row : table.rows()) {
            int before = errors.size();
            OfficialRequest request = parser.parse(row, errors);
            AnnexPlacements.Placement placement = placements == null ? null : placements.parse(row, parser, errors);
            for (ConstraintViolation<OfficialRequest> violation : validator.validate(request)) {
                AnnexColumn column = AnnexColumn.ofField(topField(violation.getPropertyPath()))
                        .orElse(AnnexColumn.FULL_NAME);
                errors.add(parser.error(row, column, violation.getMessage()));
            }
            if (request.email() != null) {
                String key = request.email().toLowerCase(Locale.ROOT);
                Integer first = firstRowOfEmail.putIfAbsent(key, row.number());
                if (first != null) {
                    errors.add(parser.error(row, AnnexColumn.EMAIL, "is the same email as row " + first));
                }
                if (errors.size() == before) {
                    rows.add(new ParsedRow(row, request, key, placement));
                }
            }
        }
        return rows;
    }

    /** A row may not take the work email of another ministry's official. */
    private void requireOwnEmails(List<ParsedRow> rows, String ministry, AnnexRowParser parser,
                                  List<Problem.Violation> errors) {
        Map<String, String> ministryOfEmail = officials.ministriesOfEmails(
                rows.stream().map(ParsedRow::emailKey).toList());
        for (ParsedRow row : rows) {
            String owner = ministryOfEmail.get(row.emailKey());
            if (owner != null && !owner.equals(ministry)) {
                errors.add(parser.error(row.row(), AnnexColumn.EMAIL, "is the work email of an official of " + owner));
            }
        }
    }

    private static String topField(Path path) {
        for (Path.Node node : path) {
            if (node.getName() != null) {
                return node.getName();
            }
        }
        return "";
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private void rollbackOnly() {
        try {
            transactions.setRollbackOnly();
        } catch (SystemException e) {
            throw new IllegalStateException(e);
        }
    }
}
