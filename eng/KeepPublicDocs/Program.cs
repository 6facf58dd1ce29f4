// Keeps in a compiler-written XML doc file only the entries a package user can see: public, protected and protected
// internal types and members inside visible types, read from the assembly's own metadata. The compiler writes an entry
// for every member with a /// comment, internal and private ones included, and the package would ship them all.
// A member is kept if any overload of its name is visible; namespaces' entries are kept.
// Usage: KeepPublicDocs <assembly> <documentation file>
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: KeepPublicDocs <assembly> <documentation file>");
    return 2;
}

string Assembly = args[0];
string DocumentationFile = args[1];

if (!File.Exists(DocumentationFile))
{
    return 0;
}

// Visible types by their doc-ID name (Namespace.Outer`1.Inner), and visible member names per visible type.
var visibleTypes = new HashSet<string>(StringComparer.Ordinal);
var visibleMembers = new HashSet<string>(StringComparer.Ordinal);
using (var stream = File.OpenRead(Assembly))
using (var pe = new PEReader(stream))
{
    MetadataReader md = pe.GetMetadataReader();
    Func<TypeDefinitionHandle, string>? nameOf = null;
    nameOf = handle =>
    {
        TypeDefinition type = md.GetTypeDefinition(handle);
        TypeDefinitionHandle outer = type.GetDeclaringType();
        string name = md.GetString(type.Name);
        if (!outer.IsNil)
        {
            return nameOf!(outer) + "." + name;
        }
        string ns = md.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    };
    Func<TypeDefinitionHandle, bool>? isVisible = null;
    isVisible = handle =>
    {
        TypeDefinition type = md.GetTypeDefinition(handle);
        TypeAttributes access = type.Attributes & TypeAttributes.VisibilityMask;
        TypeDefinitionHandle outer = type.GetDeclaringType();
        if (outer.IsNil)
        {
            return access == TypeAttributes.Public;
        }
        return (access == TypeAttributes.NestedPublic || access == TypeAttributes.NestedFamily || access == TypeAttributes.NestedFamORAssem)
            && isVisible!(outer);
    };
    Func<MethodDefinitionHandle, bool> methodVisible = handle =>
    {
        if (handle.IsNil)
        {
            return false;
        }
        MethodAttributes access = md.GetMethodDefinition(handle).Attributes & MethodAttributes.MemberAccessMask;
        return access == MethodAttributes.Public || access == MethodAttributes.Family || access == MethodAttributes.FamORAssem;
    };

    foreach (TypeDefinitionHandle handle in md.TypeDefinitions)
    {
        if (!isVisible(handle))
        {
            continue;
        }
        string typeName = nameOf(handle);
        visibleTypes.Add(typeName);
        TypeDefinition type = md.GetTypeDefinition(handle);
        foreach (MethodDefinitionHandle method in type.GetMethods())
        {
            if (methodVisible(method))
            {
                visibleMembers.Add("M:" + typeName + "." + md.GetString(md.GetMethodDefinition(method).Name));
            }
        }
        foreach (FieldDefinitionHandle fieldHandle in type.GetFields())
        {
            FieldDefinition field = md.GetFieldDefinition(fieldHandle);
            FieldAttributes access = field.Attributes & FieldAttributes.FieldAccessMask;
            if (access == FieldAttributes.Public || access == FieldAttributes.Family || access == FieldAttributes.FamORAssem)
            {
                visibleMembers.Add("F:" + typeName + "." + md.GetString(field.Name));
            }
        }
        foreach (PropertyDefinitionHandle propertyHandle in type.GetProperties())
        {
            PropertyDefinition property = md.GetPropertyDefinition(propertyHandle);
            PropertyAccessors accessors = property.GetAccessors();
            if (methodVisible(accessors.Getter) || methodVisible(accessors.Setter))
            {
                visibleMembers.Add("P:" + typeName + "." + md.GetString(property.Name));
            }
        }
        foreach (EventDefinitionHandle eventHandle in type.GetEvents())
        {
            EventDefinition evt = md.GetEventDefinition(eventHandle);
            if (methodVisible(evt.GetAccessors().Adder))
            {
                visibleMembers.Add("E:" + typeName + "." + md.GetString(evt.Name));
            }
        }
    }
}

XDocument doc = XDocument.Load(DocumentationFile, LoadOptions.PreserveWhitespace);
XElement? members = doc.Root?.Element("members");
if (members == null)
{
    return 0;
}
int removed = 0;
foreach (XElement member in members.Elements("member").ToList())
{
    string id = (string?)member.Attribute("name") ?? string.Empty;
    bool keep;
    if (id.StartsWith("T:", StringComparison.Ordinal))
    {
        keep = visibleTypes.Contains(id.Substring(2));
    }
    else if (id.Length > 2 && "MFPE".IndexOf(id[0]) >= 0 && id[1] == ':')
    {
        // M:Ns.Type`1.Name``2(Args) -> M:Ns.Type`1.Name, with # (the doc-ID form of a '.' in a name) back to '.'.
        string path = id.Substring(2);
        int paren = path.IndexOf('(');
        if (paren >= 0)
        {
            path = path.Substring(0, paren);
        }
        int tilde = path.IndexOf('~');
        if (tilde >= 0)
        {
            path = path.Substring(0, tilde);
        }
        int arity = path.IndexOf("``", StringComparison.Ordinal);
        if (arity >= 0)
        {
            path = path.Substring(0, arity);
        }
        int dot = path.LastIndexOf('.');
        keep = dot > 0
            && visibleTypes.Contains(path.Substring(0, dot))
            && visibleMembers.Contains(id.Substring(0, 2) + path.Substring(0, dot) + "." + path.Substring(dot + 1).Replace('#', '.'));
    }
    else
    {
        keep = true;
    }
    if (!keep)
    {
        // Take the whitespace before the entry with it, so the file keeps one entry per line.
        if (member.PreviousNode is XText text && string.IsNullOrWhiteSpace(text.Value))
        {
            text.Remove();
        }
        member.Remove();
        removed++;
    }
}
if (removed > 0)
{
    doc.Save(DocumentationFile);
    Console.WriteLine($"KeepPublicDocs: removed {removed} non-public entries from {DocumentationFile}");
}
return 0;
