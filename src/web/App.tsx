import { BrowserRouter, Route, Routes, useParams } from 'react-router';
import { AuthProvider } from './auth.tsx';
import { Protected } from './components/Guards.tsx';
import { Layout } from './components/Layout.tsx';
import { I18nProvider } from './i18n/index.tsx';
import { DashboardPage } from './pages/dashboard/DashboardPage.tsx';
import { HomePage } from './pages/dashboard/HomePage.tsx';
import { NotFoundPage } from './pages/errors/NotFoundPage.tsx';
import { LoginPage } from './pages/login/LoginPage.tsx';
import { FacilityPage } from './pages/organisation/FacilityPage.tsx';
import { OrganisationPage } from './pages/organisation/OrganisationPage.tsx';
import { CreatePersonPage } from './pages/people/CreatePersonPage.tsx';
import { PeopleSearchPage } from './pages/people/PeopleSearchPage.tsx';
import { PersonPage } from './pages/people/PersonPage.tsx';
import { QueuePage } from './pages/queue/QueuePage.tsx';

export function App() {
  return (
    <I18nProvider>
      <BrowserRouter>
        <AuthProvider>
          <Routes>
            <Route element={<Layout />}>
              <Route path="/login" element={<LoginPage />} />
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

function FacilityRoute() {
  const { id = '' } = useParams();
  return <FacilityPage key={id} id={id} />;
}
