import { Route, Routes } from 'react-router-dom';
import { ReliabilityPage } from '../ReliabilityPage';
import { ReliabilityReportPage } from '../ReliabilityReportPage';

/**
 * The suite's page and its sub-pages: the review page at `/reliability`, the monthly report at
 * `/reliability/report`. One routable extension in both frontend systems, so an app mounts
 * `/reliability` once.
 */
export function ReliabilityRoutes() {
  return (
    <Routes>
      <Route path="report" element={<ReliabilityReportPage />} />
      <Route path="*" element={<ReliabilityPage />} />
    </Routes>
  );
}
