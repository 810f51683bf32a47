namespace ECommerce.ServiceDefaults.Faults;

public enum FaultOutcome
{
    PassThrough,
    Error,
    Abort,
}
