import { BrowserRouter, Route, Routes, useParams } from 'react-router';
import { AuthProvider } from './auth.tsx';
import { Protected } from './components/Guards.tsx';
import { Layout } from './components/Layout.tsx';
import { I18nProvider } from './i18n/index.tsx';
import { ActivitiesPage } from './pages/activities/ActivitiesPage.tsx';
import { ActivityPage } from './pages/activities/ActivityPage.tsx';
import { CaseloadPage } from './pages/activities/CaseloadPage.tsx';
import { AssessmentHistoryPage } from './pages/assessments/AssessmentHistoryPage.tsx';
import { AssessmentPage } from './pages/assessments/AssessmentPage.tsx';
import { DuePage } from './pages/assessments/DuePage.tsx';
import { NewAssessmentPage } from './pages/assessments/NewAssessmentPage.tsx';
import { CalculatorPage } from './pages/calculator/CalculatorPage.tsx';
import { CrisisPage } from './pages/crisis/CrisisPage.tsx';
import { CrisisDashboardPage } from './pages/crisisdashboard/CrisisDashboardPage.tsx';
import { OutbreakPage } from './pages/crisisdashboard/OutbreakPage.tsx';
import { DashboardPage } from './pages/dashboard/DashboardPage.tsx';
import { HomePage } from './pages/dashboard/HomePage.tsx';
import { EligibilityPage } from './pages/eligibility/EligibilityPage.tsx';
import { NotFoundPage } from './pages/errors/NotFoundPage.tsx';
import { FollowupStatisticsPage } from './pages/followup/FollowupStatisticsPage.tsx';
import { HealthPage } from './pages/health/HealthPage.tsx';
import { RosterPage } from './pages/health/RosterPage.tsx';
import { IncidentPage } from './pages/incidents/IncidentPage.tsx';
import { IncidentStatisticsPage } from './pages/incidents/IncidentStatisticsPage.tsx';
import { IncidentsPage } from './pages/incidents/IncidentsPage.tsx';
import { NewIncidentPage } from './pages/incidents/NewIncidentPage.tsx';
import { InfectionPage } from './pages/infection/InfectionPage.tsx';
import { ImportMessagePage } from './pages/integration/ImportMessagePage.tsx';
import { MessagePage } from './pages/integration/MessagePage.tsx';
import { MessagesPage } from './pages/integration/MessagesPage.tsx';
import { LeaveApplicationPage } from './pages/leave/LeaveApplicationPage.tsx';
import { LeaveLetterPage } from './pages/leave/LeaveLetterPage.tsx';
import { LeavePage } from './pages/leave/LeavePage.tsx';
import { NewLeavePage } from './pages/leave/NewLeavePage.tsx';
import { LoginPage } from './pages/login/LoginPage.tsx';
import { MeasuresPage } from './pages/measures/MeasuresPage.tsx';
import { FacilityPage } from './pages/organisation/FacilityPage.tsx';
import { OrganisationPage } from './pages/organisation/OrganisationPage.tsx';
import { PartnersPage } from './pages/partners/PartnersPage.tsx';
import { CreatePersonPage } from './pages/people/CreatePersonPage.tsx';
import { PeopleSearchPage } from './pages/people/PeopleSearchPage.tsx';
import { PersonPage } from './pages/people/PersonPage.tsx';
import { CohortPage } from './pages/placement/CohortPage.tsx';
import { PlanPage } from './pages/plans/PlanPage.tsx';
import { PlanReviewsPage } from './pages/plans/PlanReviewsPage.tsx';
import { QueuePage } from './pages/queue/QueuePage.tsx';
import { RelativesPage } from './pages/relatives/RelativesPage.tsx';
import { ChecklistPage } from './pages/release/ChecklistPage.tsx';
import { ReleasePage } from './pages/release/ReleasePage.tsx';
import { SecurityPage } from './pages/security/SecurityPage.tsx';
import { SecurityUnitPage } from './pages/security/SecurityUnitPage.tsx';
import { VisitingRoomsPage } from './pages/visits/VisitingRoomsPage.tsx';
import { VisitNoticePage } from './pages/visits/VisitNoticePage.tsx';
import { VisitsPage } from './pages/visits/VisitsPage.tsx';

export function App() {
  return (
    <I18nProvider>
      <BrowserRouter>
        <AuthProvider>
          <Routes>
            <Route element={<Layout />}>
              <Route path="/login" element={<LoginPage />} />
              {/* Public: relatives read the rules in force without signing in. */}
              <Route path="/relatives" element={<RelativesPage />} />
              <Route
                index
                element={
                  <Protected>
                    <HomePage dashboard={<DashboardPage />} />
                  </Protected>
                }
              />
              <Route
                path="/organisation"
                element={
                  <Protected permission="organisation.read">
                    <OrganisationPage />
                  </Protected>
                }
              />
              <Route
                path="/organisation/facilities/:id"
                element={
                  <Protected permission="organisation.read">
                    <FacilityRoute />
                  </Protected>
                }
              />
              <Route
                path="/people"
                element={
                  <Protected permission="person.search">
                    <PeopleSearchPage />
                  </Protected>
                }
              />
              <Route
                path="/people/new"
                element={
                  <Protected permission="person.create">
                    <CreatePersonPage />
                  </Protected>
                }
              />
              <Route
                path="/people/:id"
                element={
                  <Protected permission="person.read">
                    <PersonRoute />
                  </Protected>
                }
              />
              <Route
                path="/queue"
                element={
                  <Protected permission="queue.read">
                    <QueuePage />
                  </Protected>
                }
              />
              <Route
                path="/integration"
                element={
                  <Protected permission="integration.read">
                    <MessagesPage />
                  </Protected>
                }
              />
              <Route
                path="/integration/import"
                element={
                  <Protected permission="integration.import">
                    <ImportMessagePage />
                  </Protected>
                }
              />
              <Route
                path="/integration/:id"
                element={
                  <Protected permission="integration.read">
                    <MessageRoute />
                  </Protected>
                }
              />
              <Route
                path="/calculator"
                element={
                  <Protected permission="calculation.use">
                    <CalculatorPage />
                  </Protected>
                }
              />
              <Route
                path="/eligibility"
                element={
                  <Protected permission="eligibility.read">
                    <EligibilityPage />
                  </Protected>
                }
              />
              <Route
                path="/infection"
                element={
                  <Protected permission="infection.read">
                    <InfectionPage />
                  </Protected>
                }
              />
              <Route
                path="/crisis/early-release"
                element={
                  <Protected permission="crisis.early_release">
                    <CrisisPage />
                  </Protected>
                }
              />
              <Route
                path="/kriseoversikt"
                element={
                  <Protected permission="crisis.dashboard">
                    <CrisisDashboardPage />
                  </Protected>
                }
              />
              <Route
                path="/utbrudd"
                element={
                  <Protected permission="outbreak.manage">
                    <OutbreakPage />
                  </Protected>
                }
              />
              <Route
                path="/measures"
                element={
                  <Protected permission="measures.read">
                    <MeasuresPage />
                  </Protected>
                }
              />
              <Route
                path="/kohort"
                element={
                  <Protected permission="health.read">
                    <CohortPage />
                  </Protected>
                }
              />
              <Route
                path="/helse"
                element={
                  <Protected permission="health.read">
                    <HealthPage />
                  </Protected>
                }
              />
              <Route
                path="/vaktliste"
                element={
                  <Protected permission="roster.read">
                    <RosterPage />
                  </Protected>
                }
              />
              <Route
                path="/besok"
                element={
                  <Protected permission="visits.read">
                    <VisitsPage />
                  </Protected>
                }
              />
              <Route
                path="/besok/:visitId/melding"
                element={
                  <Protected permission="visits.read">
                    <VisitNoticeRoute />
                  </Protected>
                }
              />
              <Route
                path="/besoksrom"
                element={
                  <Protected permission="visits.rooms.manage">
                    <VisitingRoomsPage />
                  </Protected>
                }
              />
              <Route
                path="/permisjon"
                element={
                  <Protected permission="leave.read">
                    <LeavePage />
                  </Protected>
                }
              />
              <Route
                path="/permisjon/ny"
                element={
                  <Protected permission="leave.apply">
                    <NewLeavePage />
                  </Protected>
                }
              />
              <Route
                path="/permisjon/:id"
                element={
                  <Protected permission="leave.read">
                    <LeaveRoute />
                  </Protected>
                }
              />
              <Route
                path="/permisjon/:id/vedtak"
                element={
                  <Protected permission="leave.read">
                    <LeaveLetterRoute />
                  </Protected>
                }
              />
              <Route
                path="/vurdering"
                element={
                  <Protected permission="assessment.read">
                    <DuePage />
                  </Protected>
                }
              />
              <Route
                path="/vurdering/ny"
                element={
                  <Protected permission="assessment.manage">
                    <NewAssessmentPage />
                  </Protected>
                }
              />
              <Route
                path="/planer"
                element={
                  <Protected permission="plan.read">
                    <PlanReviewsPage />
                  </Protected>
                }
              />
              <Route
                path="/plan/:id"
                element={
                  <Protected permission="plan.read">
                    <PlanRoute />
                  </Protected>
                }
              />
              <Route
                path="/vurdering/person/:id"
                element={
                  <Protected permission="assessment.read">
                    <AssessmentPersonRoute />
                  </Protected>
                }
              />
              <Route
                path="/vurdering/:id"
                element={
                  <Protected permission="assessment.read">
                    <AssessmentHistoryRoute />
                  </Protected>
                }
              />
              <Route
                path="/aktiviteter"
                element={
                  <Protected permission="activity.read">
                    <ActivitiesPage />
                  </Protected>
                }
              />
              <Route
                path="/aktiviteter/:id"
                element={
                  <Protected permission="activity.read">
                    <ActivityRoute />
                  </Protected>
                }
              />
              <Route
                path="/kontaktbetjent"
                element={
                  <Protected permission="caseload.read">
                    <CaseloadPage />
                  </Protected>
                }
              />
              <Route
                path="/loslatelse"
                element={
                  <Protected permission="release.manage">
                    <ReleasePage />
                  </Protected>
                }
              />
              <Route
                path="/samarbeid"
                element={
                  <Protected permission="caseload.read">
                    <PartnersPage />
                  </Protected>
                }
              />
              <Route
                path="/oppfolging/statistikk"
                element={
                  <Protected permission="followup.statistics">
                    <FollowupStatisticsPage />
                  </Protected>
                }
              />
              <Route
                path="/loslatelse/:id"
                element={
                  <Protected permission="release.manage">
                    <ChecklistRoute />
                  </Protected>
                }
              />
              <Route
                path="/hendelser"
                element={
                  <Protected permission="incident.read">
                    <IncidentsPage />
                  </Protected>
                }
              />
              <Route
                path="/hendelser/ny"
                element={
                  <Protected permission="incident.report">
                    <NewIncidentPage />
                  </Protected>
                }
              />
              <Route
                path="/hendelser/statistikk"
                element={
                  <Protected permission="incident.statistics">
                    <IncidentStatisticsPage />
                  </Protected>
                }
              />
              <Route
                path="/hendelser/:id"
                element={
                  <Protected permission="incident.read">
                    <IncidentRoute />
                  </Protected>
                }
              />
              <Route
                path="/sikkerhet"
                element={
                  <Protected permission="security.read">
                    <SecurityPage />
                  </Protected>
                }
              />
              <Route
                path="/sikkerhet/:id"
                element={
                  <Protected permission="security.read">
                    <SecurityUnitRoute />
                  </Protected>
                }
              />
              <Route
                path="*"
                element={
                  <Protected>
                    <NotFoundPage />
                  </Protected>
                }
              />
            </Route>
          </Routes>
        </AuthProvider>
      </BrowserRouter>
    </I18nProvider>
  );
}

// Keyed by id, so moving from one record to another starts afresh instead of showing the last one.
function PersonRoute() {
  const { id = '' } = useParams();
  return <PersonPage key={id} id={id} />;
}

function MessageRoute() {
  const { id = '' } = useParams();
  return <MessagePage key={id} id={id} />;
}

function PlanRoute() {
  const { id = '' } = useParams();
  return <PlanPage key={id} personId={id} />;
}

function AssessmentPersonRoute() {
  const { id = '' } = useParams();
  return <AssessmentPage key={id} personId={id} />;
}

function AssessmentHistoryRoute() {
  const { id = '' } = useParams();
  return <AssessmentHistoryPage key={id} id={id} />;
}

function LeaveRoute() {
  const { id = '' } = useParams();
  return <LeaveApplicationPage key={id} id={id} />;
}

function LeaveLetterRoute() {
  const { id = '' } = useParams();
  return <LeaveLetterPage key={id} id={id} />;
}

function FacilityRoute() {
  const { id = '' } = useParams();
  return <FacilityPage key={id} id={id} />;
}

function VisitNoticeRoute() {
  const { visitId = '' } = useParams();
  return <VisitNoticePage key={visitId} visitId={visitId} />;
}

function ActivityRoute() {
  const { id = '' } = useParams();
  return <ActivityPage key={id} id={id} />;
}

function ChecklistRoute() {
  const { id = '' } = useParams();
  return <ChecklistPage key={id} id={id} />;
}

function IncidentRoute() {
  const { id = '' } = useParams();
  return <IncidentPage key={id} id={id} />;
}

function SecurityUnitRoute() {
  const { id = '' } = useParams();
  return <SecurityUnitPage key={id} id={id} />;
}
