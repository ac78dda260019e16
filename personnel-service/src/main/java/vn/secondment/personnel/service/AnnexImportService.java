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
import vn.secondment.events.personnel.OfficialsImported;
import vn.secondment.events.personnel.PersonnelEvents;
import vn.secondment.personnel.Official;
import vn.secondment.personnel.OrgUnit;
import vn.secondment.personnel.mapping.OfficialMapper;
import vn.secondment.personnel.repository.OfficialRepository;
import vn.secondment.personnel.repository.OrgUnitRepository;
import vn.secondment.personnel.rest.ImportReport;
import vn.secondment.personnel.rest.OfficialRequest;
import vn.secondment.personnel.security.DirectoryAccess;
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

    public AnnexImportService(OfficialRepository officials, OrgUnitRepository units, OfficialService officialService,
                              MinistryService ministries, OfficialMapper mapper, AuditTrail audit,
                              EventPublisher events, Validator validator, EntityManager entityManager,
                              TransactionManager transactions, Clock clock, ImportMetrics metrics) {
        this.metrics = metrics;
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

    /** What the caller asked for: whose annex, under which decision, from which file. */
    public record Request(String ministry, String decision, String fileName, TableFormat format, boolean dryRun) {
    }

    @Transactional
    public ImportReport importAnnex(Request request, InputStream file, DirectoryAccess access) {
        access.requireManage(request.ministry());
        ministries.requireCurrent("ministry", request.ministry());
        long started = System.nanoTime();
        try {
            return importChecked(request, file, access, started);
        } finally {
            metrics.took(ImportMetrics.OFFICIALS, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private ImportReport importChecked(Request request, InputStream file, DirectoryAccess access, long started) {
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
        List<ParsedRow> parsed = validate(table, parser, errors);
        requireOwnEmails(parsed, request.ministry(), parser, errors);
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
                    false, table.rows().size(), 0, 0, 0, errors.size(), List.copyOf(listed));
        }

        Counts counts = new Counts();
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
                write(row, existing.get(row.emailKey()), request.ministry(), unitsById::get, actor, reason,
                        importId, counts);
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
                List.of());
    }

    private void write(ParsedRow row, Official official, String ministry, OfficialService.UnitResolver unitOf,
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
            return;
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
    }

    private static final class Counts {
        int created;
        int updated;
    }

    private record ParsedRow(Row row, OfficialRequest request, String emailKey) {
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
    private List<ParsedRow> validate(Table table, AnnexRowParser parser, List<Problem.Violation> errors) {
        List<ParsedRow> rows = new ArrayList<>(table.rows().size());
        Map<String, Integer> firstRowOfEmail = new HashMap<>();
        for (Row row : table.rows()) {
            int before = errors.size();
            OfficialRequest request = parser.parse(row, errors);
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
                    rows.add(new ParsedRow(row, request, key));
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
