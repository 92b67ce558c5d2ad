import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { principalOf } from '../../http/security.ts';
import {
  activitiesResponse,
  activityBody,
  activityDetail,
  assignBody,
  attendanceBody,
  attendanceResponse,
  caseloadQuery,
  caseloadResponse,
  checklist,
  checklistsResponse,
  contactBody,
  endBody,
  endResponse,
  enrolBody,
  enrolmentParams,
  enrolResponse,
  facilitiesResponse,
  facilityQuery,
  idParams,
  inactiveResponse,
  itemBody,
  itemParams,
  officersQuery,
  officersResponse,
  partner,
  partnerBody,
  partnersResponse,
  personFollowup,
  prepareChecklistsBody,
  prepareChecklistsResponse,
  referral,
  referralBody,
  referralStatusBody,
  referralsQuery,
  referralsResponse,
  statisticsQuery,
  statisticsResponse,
  thresholdBody,
  thresholdsResponse,
} from './followup.schemas.ts';
import type { FollowupService } from './followup.service.ts';

export function followupRoutes(app: FastifyInstance, service: FollowupService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const activityRead = { access: { permission: 'activity.read' as const } };
  const activityManage = { access: { permission: 'activity.manage' as const } };
  const caseload = { access: { permission: 'caseload.read' as const } };
  const assign = { access: { permission: 'contact_officer.assign' as const } };
  const partners = { access: { permission: 'partner.manage' as const } };
  const release = { access: { permission: 'release.manage' as const } };
  const statistics = { access: { permission: 'followup.statistics' as const } };

  // Activities, enrolment, waiting lists, attendance and the inactivity flag.
  {
    const tags = ['activities'];
    r.get(
      '/api/v1/activities/facilities',
      { config: activityRead, schema: { tags, response: { 200: facilitiesResponse } } },
      (req) => service.facilities(principalOf(req)),
    );
    r.get(
      '/api/v1/activities',
      {
        config: activityRead,
        schema: { tags, querystring: facilityQuery, response: { 200: activitiesResponse } },
      },
      (req) => service.activities(principalOf(req), req.query),
    );
    r.post(
      '/api/v1/activities',
      { config: activityManage, schema: { tags, body: activityBody, response: { 201: activityDetail } } },
      async (req, reply) => reply.code(201).send(await service.createActivity(principalOf(req), req.body)),
    );
    r.get(
      '/api/v1/activities/inactive',
      {
        config: activityRead,
        schema: { tags, querystring: facilityQuery, response: { 200: inactiveResponse } },
      },
      (req) => service.inactive(principalOf(req), req.query),
    );
    r.get(
      '/api/v1/activities/thresholds',
      { config: activityRead, schema: { tags, response: { 200: thresholdsResponse } } },
      (req) => service.thresholds(principalOf(req)),
    );
    r.post(
      '/api/v1/activities/thresholds',
      {
        config: activityManage,
        schema: {
          tags,
          summary: 'Days without activity before an inmate is flagged, per facility or nationally (null)',
          body: thresholdBody,
          response: { 200: thresholdsResponse },
        },
      },
      (req) => service.setThreshold(principalOf(req), req.body),
    );
    r.get(
      '/api/v1/activities/:id',
      { config: activityRead, schema: { tags, params: idParams, response: { 200: activityDetail } } },
      (req) => service.activity(principalOf(req), req.params.id),
    );
    r.post(
      '/api/v1/activities/:id/enrolments',
      {
        config: activityManage,
        schema: {
          tags,
          summary: 'Enrol a person: a free place, else the waiting list',
          params: idParams,
          body: enrolBody,
          response: { 201: enrolResponse },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await service.enrol(principalOf(req), req.params.id, req.body)),
    );
    r.post(
      '/api/v1/activities/:id/enrolments/:enrolmentId/end',
      {
        config: activityManage,
        schema: {
          tags,
          summary: 'End an enrolment; the freed place goes to the first on the waiting list',
          params: enrolmentParams,
          body: endBody,
          response: { 200: endResponse },
        },
      },
      (req) => service.endEnrolment(principalOf(req), req.params.id, req.params.enrolmentId, req.body),
    );
    r.post(
      '/api/v1/activities/:id/attendance',
      {
        config: activityManage,
        schema: { tags, params: idParams, body: attendanceBody, response: { 200: attendanceResponse } },
      },
      (req) => service.recordAttendance(principalOf(req), req.params.id, req.body),
    );
  }

  // Contact officers and the caseload.
  {
    const tags = ['caseload'];
    r.get(
      '/api/v1/caseload',
      {
        config: caseload,
        schema: {
          tags,
          summary: "A contact officer's people with what is due (the caller's own when staffId is left out)",
          querystring: caseloadQuery,
          response: { 200: caseloadResponse },
        },
      },
      (req) => service.caseload(principalOf(req), req.query),
    );
    r.get(
      '/api/v1/caseload/officers',
      { config: caseload, schema: { tags, querystring: officersQuery, response: { 200: officersResponse } } },
      (req) => service.officers(principalOf(req), req.query.facilityId),
    );
    r.get(
      '/api/v1/people/:id/contact-officer',
      { config: caseload, schema: { tags, params: idParams, response: { 200: personFollowup } } },
      (req) => service.personFollowup(principalOf(req), req.params.id),
    );
    r.post(
      '/api/v1/people/:id/contact-officer',
      {
        config: assign,
        schema: { tags, params: idParams, body: assignBody, response: { 200: personFollowup } },
      },
      (req) => service.assignOfficer(principalOf(req), req.params.id, req.body),
    );
  }

  // Partners and referrals.
  {
    const tags = ['partners'];
    r.get(
      '/api/v1/partners',
      { config: caseload, schema: { tags, response: { 200: partnersResponse } } },
      () => service.partners(),
    );
    r.post(
      '/api/v1/partners',
      { config: partners, schema: { tags, body: partnerBody, response: { 201: partner } } },
      async (req, reply) => reply.code(201).send(await service.createPartner(principalOf(req), req.body)),
    );
    r.post(
      '/api/v1/partners/:id/contacts',
      { config: partners, schema: { tags, params: idParams, body: contactBody, response: { 200: partner } } },
      (req) => service.addContact(principalOf(req), req.params.id, req.body),
    );
    r.get(
      '/api/v1/referrals',
      {
        config: caseload,
        schema: { tags, querystring: referralsQuery, response: { 200: referralsResponse } },
      },
      (req) => service.referrals(principalOf(req), req.query),
    );
    r.post(
      '/api/v1/referrals',
      { config: partners, schema: { tags, body: referralBody, response: { 201: referral } } },
      async (req, reply) => reply.code(201).send(await service.createReferral(principalOf(req), req.body)),
    );
    r.post(
      '/api/v1/referrals/:id/status',
      {
        config: partners,
        schema: { tags, params: idParams, body: referralStatusBody, response: { 200: referral } },
      },
      (req) => service.updateReferral(principalOf(req), req.params.id, req.body),
    );
  }

  // The release checklist and the statistics.
  {
    const tags = ['release'];
    r.get(
      '/api/v1/release/checklists',
      {
        config: release,
        schema: {
          tags,
          summary:
            'Checklists ahead of release, releases within the horizon without one, and those released with open items',
          querystring: facilityQuery,
          response: { 200: checklistsResponse },
        },
      },
      (req) => service.checklists(principalOf(req), req.query),
    );
    r.post(
      '/api/v1/release/checklists',
      {
        config: release,
        schema: {
          tags,
          summary:
            'Makes the checklist for every release within the horizon that has none (in scope or one facility)',
          body: prepareChecklistsBody,
          response: { 200: prepareChecklistsResponse },
        },
      },
      (req) => service.prepareChecklists(principalOf(req), req.body),
    );
    r.get(
      '/api/v1/release/checklists/:id',
      { config: release, schema: { tags, params: idParams, response: { 200: checklist } } },
      (req) => service.checklist(principalOf(req), req.params.id),
    );
    r.post(
      '/api/v1/release/checklists/:id/items/:itemId',
      { config: release, schema: { tags, params: itemParams, body: itemBody, response: { 200: checklist } } },
      (req) => service.updateItem(principalOf(req), req.params.id, req.params.itemId, req.body),
    );
    r.get(
      '/api/v1/followup/statistics',
      {
        config: statistics,
        schema: {
          tags,
          summary:
            'Share with activity, participation, checklist completeness and return within two years by group (no names)',
          querystring: statisticsQuery,
          response: { 200: statisticsResponse },
        },
      },
      (req) => service.statistics(principalOf(req), req.query),
    );
  }
}
