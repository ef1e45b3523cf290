versioned_buckets = ["platform-state"]
