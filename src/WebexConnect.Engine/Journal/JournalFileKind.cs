using System;
using System.IO;
using System.Runtime.InteropServices;

namespace WebexConnect.Engine.Journal
{
    /// <summary>What an open journal path really is: only a regular file can keep what a run sent.</summary>
    internal enum JournalFileKind
    {
        RegularFile,
        Device,
        Pipe,
        /// <summary>The platform could not say; treated as a regular file.</summary>
        Unknown,
    }

    /// <summary>
    /// Tells a regular file from a device (/dev/zero, /dev/full, /dev/null, CON, NUL) or a pipe (a FIFO, a
    /// socket) through the handle already opened, so that nothing can be swapped in between the check and
    /// the use. Reading /dev/zero as a journal never ends (it climbs to 2 GB and throws), /dev/null
    /// forgets every line (a re-run would send everything again), and a FIFO cannot be read back.
    /// </summary>
    /// <remarks>
    /// Windows: GetFileType on the handle. Unix on .NET 8: fstat through the runtime's own System.Native
    /// shim, whose FileStatus starts with two int32 fields, Flags then Mode (S_IFMT bits normalised to the
    /// POSIX values), stable since .NET Core 2. Elsewhere (Mono) a handle that cannot seek is a pipe.
    /// </remarks>
    internal static class JournalFileKinds
    {
        private const int FileTypeChar = 0x0002;
        private const int FileTypePipe = 0x0003;
        private const int TypeMask = 0xF000;
        private const int RegularFile = 0x8000;
        private const int Fifo = 0x1000;
        private const int Socket = 0xC000;

        public static JournalFileKind Of(FileStream file)
        {
            if (file is null) throw new ArgumentNullException(nameof(file));
            if (Environment.OSVersion.Platform == PlatformID.Win32NT)
            {
                switch (GetFileType(file.SafeFileHandle))
                {
                    case FileTypeChar: return JournalFileKind.Device;
                    case FileTypePipe: return JournalFileKind.Pipe;
                    default: return JournalFileKind.RegularFile;
                }
            }

#if NET8_0_OR_GREATER
            try
            {
                // Larger than any version's FileStatus: the shim writes the whole struct.
                var status = new byte[512];
                if (FStat(file.SafeFileHandle, status) == 0)
                {
                    var type = BitConverter.ToInt32(status, 4) & TypeMask;
                    if (type == RegularFile) return JournalFileKind.RegularFile;
                    return type == Fifo || type == Socket ? JournalFileKind.Pipe : JournalFileKind.Device;
                }
            }
            catch (Exception ex) when (ex is DllNotFoundException || ex is EntryPointNotFoundException)
            {
                // Fall through to what any stream can tell.
            }
#endif
            if (!file.CanSeek) return JournalFileKind.Pipe;
            // An empty "file" that still yields bytes is a device such as /dev/zero.
            if (file.Length == 0 && file.ReadByte() >= 0) return JournalFileKind.Device;
            file.Position = 0;
            return JournalFileKind.Unknown;
        }

        [DllImport("kernel32.dll", SetLastError = true)]
        private static extern int GetFileType(SafeHandle handle);

#if NET8_0_OR_GREATER
        [DllImport("libSystem.Native", EntryPoint = "SystemNative_FStat", SetLastError = true)]
        private static extern int FStat(SafeHandle fd, byte[] output);
#endif
    }
}
