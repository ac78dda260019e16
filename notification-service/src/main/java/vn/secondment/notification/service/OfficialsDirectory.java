package vn.secondment.notification.service;

import jakarta.transaction.TransactionScoped;
import vn.secondment.notification.readmodel.KnownOfficial;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The officials directory ({@link KnownOfficial}) as one transaction's events see them, by id: the officials a
 * batch's events name are read in one statement ({@code InboxService.prepare}), an official an event adds or changes
 * is remembered for the later ones ({@code PersonnelFollower}).
 */
@TransactionScoped
public class OfficialsDirectory extends TransactionRows<UUID, KnownOfficial> {

    @Override
    protected List<KnownOfficial> readAll(Set<UUID> ids) {
        return em.createQuery("select k from KnownOfficial k where k.id in :ids", KnownOfficial.class)
                .setParameter("ids", ids)
                .getResultList();
    }

    @Override
    protected Optional<KnownOfficial> readOne(UUID id) {
        return Optional.ofNullable(em.find(KnownOfficial.class, id));
    }

    @Override
    protected UUID keyOf(KnownOfficial official) {
        return official.id;
    }
}
