// Each collection boots a whole system through DevHost: one at a time is all two cores can carry.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
