package vn.secondment.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import vn.secondment.data.Like;
import vn.secondment.data.Where;
import vn.secondment.notification.EmailDelivery;
import vn.secondment.notification.mapping.DeliveryMapper;
import vn.secondment.notification.rest.DeliveryView;
import vn.secondment.rest.PageView;
import vn.secondment.rest.Paging;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.security.Caller;
import vn.secondment.rest.security.Roles;

import java.util.List;
import java.util.Locale;

/** The admins' view of e-mail deliveries: a platform-admin's all, a ministry-admin's about their ministry's events. */
@ApplicationScoped
public class EmailDeliveries {

    private final EntityManager em;
    private final DeliveryMapper mapper;

    public EmailDeliveries(EntityManager em, DeliveryMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<DeliveryView> list(Caller caller, String recipient, String status, String eventType,
                                       Paging paging) {
        Where where = Where.from("EmailDelivery d")
                .and("d.ministry = :ministry", "ministry",
                        caller.hasRole(Roles.PLATFORM_ADMIN) ? null : caller.ministry().orElse(""))
                .and("lower(d.recipientEmail) = :recipient", "recipient",
                        blankToNull(recipient) == null ? null : recipient.strip().toLowerCase(Locale.ROOT))
                .and("d.status = :status", "status", status(status))
                .and("d.eventType like :type" + Like.ESCAPE, "type",
                        blankToNull(eventType) == null ? null : Like.startingWith(eventType.strip()));
        TypedQuery<EmailDelivery> query = em.createQuery("select d " + where.jpql()
                + " order by d.createdAt desc, d.id", EmailDelivery.class);
        TypedQuery<Long> count = em.createQuery("select count(d) " + where.jpql(), Long.class);
        where.parameterMap().forEach((name, value) -> {
            query.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<DeliveryView> items = query.setFirstResult(paging.page * paging.size).setMaxResults(paging.size)
                .getResultList().stream().map(mapper::toView).toList();
        return new PageView<>(items, paging.page, paging.size, count.getSingleResult());
    }

    private static EmailDelivery.Status status(String status) {
        if (blankToNull(status) == null) {
            return null;
        }
        try {
            return EmailDelivery.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "one of PENDING, SENT, FAILED, GAVE_UP");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
