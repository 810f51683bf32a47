namespace ECommerce.Chaos;

public sealed record StockLine(string ProductId, int OnHandStart, int Sold, int OnHandNow, int Reserved)
{
    public bool Conserved => OnHandNow + Sold == OnHandStart && Reserved == 0;
}
