package vn.secondment.report.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.report.HandbookEntry;

import java.util.UUID;

@ApplicationScoped
public class HandbookEntryRepository implements PanacheRepositoryBase<HandbookEntry, UUID> {
}
