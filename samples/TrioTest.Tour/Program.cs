// Entry point of the TrioTest tour (placeholder until the tour is written).
Console.WriteLine("TrioTest tour");
