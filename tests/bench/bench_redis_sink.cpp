// Redis write throughput: OrderPulse's pipelined writer beside redis-benchmark on the same
// server in the same run.
//   bench_redis_sink [commands]   (default 400000 per measurement)
// Starts its own redis-server (Debian's) on a free loopback port in a temp dir, then measures
//   1. RedisConnection pipelined SET (order JSON, EX 3600) and HSET (customer hash, 5 fields),
//      flushed every 8192 commands as RedisStateWriter does;
//   2. RedisSink end to end: generated orders as SinkBatches (merge cache, canonical JSON,
//      SET EX per record), timed until the sink is idle;
//   3. redis-benchmark -P 16 -t set,hset -q on the same server.
#include "BenchSupport.h"
#include "io/Generator.h"
#include "io/NdjsonEncoder.h"
#include "sinks/RedisConnection.h"
#include "sinks/RedisSink.h"
#include "sinks/RedisSinkSettings.h"

#include <arpa/inet.h>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <netinet/in.h>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using Clock = std::chrono::steady_clock;

namespace {

int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) == 0)
        port = ntohs(addr.sin_port);
    ::close(fd);
    return port;
}

double seconds(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// A redis-server in a temp dir; SHUTDOWN NOSAVE in the destructor.
class Server
{
public:
    Server()
    {
        char dirTemplate[] = "/tmp/bench_redis_XXXXXX";
        m_dir = ::mkdtemp(dirTemplate);
        m_port = freePort();
        std::ofstream(m_dir + "/redis.conf")
            << "port " << m_port << "\nbind 127.0.0.1\nsave \"\"\nappendonly no\n"
            << "daemonize yes\npidfile " << m_dir << "/redis.pid\ndir " << m_dir << "\nlogfile " << m_dir
            << "/redis.log\n";
        m_ok = std::system(("redis-server " + m_dir + "/redis.conf").c_str()) == 0;
    }
    ~Server()
    {
        if (m_ok)
            std::system(
                ("redis-cli -p " + std::to_string(m_port) + " shutdown nosave >/dev/null 2>&1").c_str());
        std::system(("rm -rf " + m_dir).c_str());
    }
    bool ok() const { return m_ok; }
    int port() const { return m_port; }

private:
    std::string m_dir;
    int m_port = 0;
    bool m_ok = false;
};

} // namespace

int main(int argc, char **argv)
{
    const long commands = argc > 1 ? std::atol(argv[1]) : 400000;
    Server server;
    if (!server.ok()) {
        std::fprintf(stderr, "redis-server did not start\n");
        return 1;
    }
    op::RedisSinkSettings settings;
    settings.port = server.port();
    settings.connectTimeoutMs = 2000;
    settings.commandTimeoutMs = 10000;
    op::RedisConnection connection;
    for (int attempt = 0; attempt < 100; ++attempt) {
        if (connection.connect(settings))
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    if (!connection.isConnected()) {
        std::fprintf(stderr, "cannot connect to redis-server on port %d\n", server.port());
        return 1;
    }
    std::printf("redis-server 127.0.0.1:%d, %ld commands per measurement\n", server.port(), commands);

    // 1. The writer alone, at several pipeline depths.
    op::NdjsonEncoder encoder;
    op::Generator generator(op::GeneratorOptions{});
    op::GeneratedRecord record;
    generator.next(record);
    std::string json;
    encoder.encode(record.event, json);
    std::string key;
    // redis-benchmark's own commands first (3-byte value, one hash field), for a like-for-like figure.
    for (const std::size_t depth : {16UL, 8192UL}) {
        const auto start = Clock::now();
        const double cpuStart = bench::threadCpuSeconds();
        for (long i = 0; i < commands; ++i) {
            key = "key:" + std::to_string(i % 100000);
            connection.append({"SET", key, "xxx"});
            if (connection.pending() >= depth && !connection.flush())
                return 1;
        }
        if (!connection.flush())
            return 1;
        const double setSeconds = seconds(start);
        const double setCpu = bench::threadCpuSeconds() - cpuStart;
        const auto hsetStart = Clock::now();
        for (long i = 0; i < commands; ++i) {
            key = "element:" + std::to_string(i % 100000);
            connection.append({"HSET", "myhash", key, "xxx"});
            if (connection.pending() >= depth && !connection.flush())
                return 1;
        }
        if (!connection.flush())
            return 1;
        const double hsetSeconds = seconds(hsetStart);
        std::printf("OrderPulse RedisConnection, pipeline %5zu: SET 3-byte %8.0f ops/s (client CPU %.0f%%); "
                    "HSET 1 field %8.0f ops/s\n",
                    depth, static_cast<double>(commands) / setSeconds, 100.0 * setCpu / setSeconds,
                    static_cast<double>(commands) / hsetSeconds);
        connection.command({"FLUSHALL"});
    }
    for (const std::size_t depth : {16UL, 256UL, 8192UL}) {
        const auto setStart = Clock::now();
        for (long i = 0; i < commands; ++i) {
            key = "orderpulse:order:" + std::to_string(i);
            connection.append({"SET", key, json, "EX", "3600"});
            if (connection.pending() >= depth && !connection.flush())
                return 1;
        }
        if (!connection.flush())
            return 1;
        const double setSeconds = seconds(setStart);
        const auto hsetStart = Clock::now();
        for (long i = 0; i < commands; ++i) {
            key = "orderpulse:customer:C" + std::to_string(i);
            connection.append(
                {"HSET", key, "grade", "GOLD", "r", "4", "f", "3", "m", "5", "segment", "Loyal"});
            if (connection.pending() >= depth && !connection.flush())
                return 1;
        }
        if (!connection.flush())
            return 1;
        const double hsetSeconds = seconds(hsetStart);
        std::printf("OrderPulse RedisConnection, pipeline %5zu: SET %zu-byte JSON EX 3600 %8.0f ops/s; "
                    "HSET 5 fields %8.0f ops/s\n",
                    depth, json.size(), static_cast<double>(commands) / setSeconds,
                    static_cast<double>(commands) / hsetSeconds);
        connection.command({"FLUSHALL"});
    }

    // 2. The sink end to end, records as the ingest thread hands them over.
    op::GeneratorOptions options;
    options.orders = commands / 2;
    options.lifecycle = true;
    options.days = 7;
    op::Generator lifecycle(options);
    std::vector<op::SinkBatch> batches(1);
    long records = 0;
    while (lifecycle.next(record)) {
        if (record.bad != op::BadKind::None)
            continue;
        batches.back().records.push_back({record.event, false, 0, -1});
        ++records;
        if (batches.back().records.size() == 2000)
            batches.emplace_back();
    }
    settings.queueCapacity = batches.size() + 1;
    op::RedisSink sink(settings);
    sink.open();
    const auto sinkStart = Clock::now();
    for (op::SinkBatch &b : batches)
        sink.offer(std::move(b));
    const bool idle = sink.waitIdle(600000);
    const double sinkSeconds = seconds(sinkStart);
    const op::RedisHealth h = sink.redisHealth();
    std::printf("OrderPulse RedisSink end to end (merge + JSON + SET EX, 2000-record batches): %ld records "
                "in %.3f s = %.0f records/s (%s, %lld dropped)\n",
                records, sinkSeconds, static_cast<double>(records) / sinkSeconds, idle ? "idle" : "TIMEOUT",
                static_cast<long long>(h.sink.dropped));
    sink.close();
    connection.command({"FLUSHALL"});

    // 3. redis-benchmark, the server's own load generator, pipelined 16 deep.
    const std::string benchmark = "redis-benchmark -p " + std::to_string(server.port()) + " -n " +
                                  std::to_string(commands) + " -P 16 -t set,hset -q 2>&1";
    std::printf("%s\n", benchmark.c_str());
    std::fflush(stdout);
    std::string output;
    if (FILE *pipe = ::popen(benchmark.c_str(), "r")) {
        char chunk[4096];
        std::size_t n = 0;
        while ((n = std::fread(chunk, 1, sizeof chunk, pipe)) > 0)
            output.append(chunk, n);
        ::pclose(pipe);
    }
    // -q redraws its progress with '\r' on one line: keep what follows the last '\r' of each line.
    std::size_t at = 0;
    while (at < output.size()) {
        std::size_t end = output.find('\n', at);
        if (end == std::string::npos)
            end = output.size();
        std::string line = output.substr(at, end - at);
        if (const auto cr = line.rfind('\r'); cr != std::string::npos)
            line = line.substr(cr + 1);
        if (!line.empty())
            std::printf("  %s\n", line.c_str());
        at = end + 1;
    }
    return 0;
}
