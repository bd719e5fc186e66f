import { useTranslation } from "react-i18next";
import { useAllMissions } from "../../api/tutoring.js";
import { PageHeader } from "../../components/PageHeader.js";
import { MissionsQueueTable } from "./MissionsQueueTable.js";
import { missionsViewToQuery, useMissionsView } from "./missionsView.js";
import "../tutoring-center/tutoringCenter.css";

/** `Tutorat > Missions à corriger`: the submissions to correct across all the tutor's courses, oldest first. */
export function AllMissionsPage() {
  const { t } = useTranslation();
  const [view, updateView] = useMissionsView();
  const missions = useAllMissions(missionsViewToQuery(view));

  function handleRetry() {
    void missions.refetch();
  }

  const title = t("missions.title");
  return (
    <>
      <PageHeader title={title} breadcrumb={[t("nav.tutoring"), title]} />
      <MissionsQueueTable
        title={t("missions.allTableTitle")}
        view={view}
        data={missions.data}
        isPending={missions.isPending}
        isFetching={missions.isFetching}
        isError={missions.isError}
        showCourse
        onRetry={handleRetry}
        onViewChange={updateView}
      />
    </>
  );
}
