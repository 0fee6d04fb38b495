// Periodic maintenance jobs: due times, no catch-up bursts, failures and skips recorded.
#include "runtime/JobScheduler.h"

#include <QTest>

using namespace op;
using namespace std::chrono_literals;

class TestJobScheduler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsJobsWhenDueWithoutCatchingUp()
    {
        JobScheduler s;
        int grades = 0;
        int rollups = 0;
        s.add("grades", 10min, [&]() -> tl::expected<JobScheduler::Outcome, std::string> {
            ++grades;
            return JobScheduler::Outcome::Done;
        });
        s.add("rollups", 1h, [&]() -> tl::expected<JobScheduler::Outcome, std::string> {
            ++rollups;
            return JobScheduler::Outcome::Done;
        }, 5min);
        const auto t0 = JobScheduler::Clock::now();
        QCOMPARE(s.runDue(t0), 1); // grades at once, rollups after 5 min
        QCOMPARE(s.runDue(t0 + 1min), 0);
        QCOMPARE(s.runDue(t0 + 6min), 1);
        QCOMPARE(rollups, 1);
        // Three hours later: each job runs once, not once per missed interval.
        QCOMPARE(s.runDue(t0 + 3h), 2);
        QCOMPARE(s.runDue(t0 + 3h + 1s), 0);
        QCOMPARE(grades, 2);
        QCOMPARE(rollups, 2);
        QCOMPARE(s.runDue(t0 + 3h + 10min), 1);
        QCOMPARE(s.status()[0].runs, 3);
    }

    void recordsSkipsAndFailures()
    {
        JobScheduler s;
        int call = 0;
        s.add("retention", 1s, [&]() -> tl::expected<JobScheduler::Outcome, std::string> {
            ++call;
            if (call == 1)
                return JobScheduler::Outcome::Skipped;
            if (call == 2)
                return tl::make_unexpected(std::string("server closed the connection"));
            if (call == 3)
                throw std::runtime_error("boom");
            return JobScheduler::Outcome::Done;
        });
        QTest::ignoreMessage(QtWarningMsg, "job retention failed: server closed the connection");
        QTest::ignoreMessage(QtWarningMsg, "job retention failed: boom");
        s.runAll();
        s.runAll();
        s.runAll();
        QCOMPARE(s.status()[0].failures, 2);
        QCOMPARE(s.status()[0].lastError, std::string("boom"));
        s.runAll();
        QCOMPARE(s.status()[0].skipped, 1);
        QCOMPARE(s.status()[0].runs, 1);
        QVERIFY(s.status()[0].lastError.empty());
    }
};

QTEST_GUILESS_MAIN(TestJobScheduler)
#include "tst_job_scheduler.moc"
