package nianbao.api;

import java.time.Clock;
import nianbao.store.BatchReads;
import nianbao.store.ReportStore;
import nianbao.store.write.ReportWriter;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** What the routes work with: built once per process, shared by every request (all thread-safe). */
public record ApiContext(ApiConfig config, ReportStore store, BatchReads batch, ReportWriter writer, S3Client s3,
    S3Presigner presigner, Clock clock, ExportJobs jobs) {}
