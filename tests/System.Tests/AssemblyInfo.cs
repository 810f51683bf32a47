// One system for the whole assembly, and its shutdown checked last.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
[assembly: TestCollectionOrderer(ECommerce.System.Tests.RunsLastOrderer.TypeName, ECommerce.System.Tests.RunsLastOrderer.AssemblyName)]
